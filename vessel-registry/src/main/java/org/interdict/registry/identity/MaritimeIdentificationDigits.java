package org.interdict.registry.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ITU's Maritime Identification Digits: the country a ship station's MMSI names by its first three digits. The
 * table ({@code mid.csv}) holds the ITU list's MIDs by alpha-3 country; a MID it does not hold names no country.
 */
public final class MaritimeIdentificationDigits {

    private static final Map<String, String> COUNTRY_BY_MID = load();

    private MaritimeIdentificationDigits() {
    }

    /** The country (alpha-3) of a ship station's MMSI; empty for other MMSIs (coast stations, groups) or unknown MIDs. */
    public static Optional<String> country(String mmsi) {
        if (mmsi == null || !mmsi.matches("[2-7]\\d{8}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(COUNTRY_BY_MID.get(mmsi.substring(0, 3)));
    }

    private static Map<String, String> load() {
        Map<String, String> table = new HashMap<>();
        try (InputStream in = MaritimeIdentificationDigits.class.getResourceAsStream("/mid.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",");
                for (int i = 1; i < parts.length; i++) {
                    String mids = parts[i].trim();
                    int dash = mids.indexOf('-');
                    int first = Integer.parseInt(dash < 0 ? mids : mids.substring(0, dash));
                    int last = dash < 0 ? first : Integer.parseInt(mids.substring(dash + 1));
                    for (int mid = first; mid <= last; mid++) {
                        table.put(String.valueOf(mid), parts[0].trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
