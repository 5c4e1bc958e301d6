package org.interdict.clearance.identifiers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Maritime Mobile Service Identity: nine digits; a ship station's starts with the MID of the country whose register
 * issued it (ITU table, {@code identifiers/mid.csv}).
 */
public final class Mmsi {

    public static final String PATTERN = "[0-9]{9}";
    private static final Map<String, Set<String>> FLAGS_BY_MID = load();

    private Mmsi() {
    }

    /** The MID of a ship station's MMSI (first digit 2 to 7); empty for other kinds of station. */
    public static Optional<String> mid(String mmsi) {
        if (mmsi == null || mmsi.length() != 9 || mmsi.charAt(0) < '2' || mmsi.charAt(0) > '7') {
            return Optional.empty();
        }
        return Optional.of(mmsi.substring(0, 3));
    }

    /** The flags whose register issues MMSIs with this MID; empty for a MID allocated to no country. */
    public static Set<String> flagsOf(String mid) {
        return FLAGS_BY_MID.getOrDefault(mid, Set.of());
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> table = new HashMap<>();
        try (InputStream in = Mmsi.class.getResourceAsStream("/identifiers/mid.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
                String[] parts = line.split(",", 2);
                table.put(parts[0], Set.copyOf(Arrays.asList(parts[1].split(" "))));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
