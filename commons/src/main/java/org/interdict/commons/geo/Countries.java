package org.interdict.commons.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ISO 3166-1 countries: the alpha-3 codes the platform speaks, and the alpha-2 codes and names that sanctions lists
 * and UN/LOCODEs use. Names match whatever their case, punctuation and word order ("Korea, North").
 */
public final class Countries {

    /** Names the published lists use that the ISO names do not spell out. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("korea north", "PRK"), Map.entry("north korea", "PRK"), Map.entry("dprk", "PRK"),
            Map.entry("democratic peoples republic of korea", "PRK"),
            Map.entry("korea south", "KOR"), Map.entry("south korea", "KOR"), Map.entry("republic of korea", "KOR"),
            Map.entry("korea", "KOR"), Map.entry("russia", "RUS"), Map.entry("iran", "IRN"), Map.entry("syria", "SYR"),
            Map.entry("vietnam", "VNM"), Map.entry("taiwan", "TWN"), Map.entry("bolivia", "BOL"),
            Map.entry("venezuela", "VEN"), Map.entry("tanzania", "TZA"), Map.entry("moldova", "MDA"),
            Map.entry("laos", "LAO"), Map.entry("micronesia", "FSM"), Map.entry("united states", "USA"),
            Map.entry("united states of america", "USA"), Map.entry("usa", "USA"), Map.entry("uk", "GBR"),
            Map.entry("united kingdom", "GBR"), Map.entry("great britain", "GBR"), Map.entry("china", "CHN"),
            Map.entry("hong kong", "HKG"), Map.entry("macau", "MAC"), Map.entry("st kitts and nevis", "KNA"),
            Map.entry("saint kitts and nevis", "KNA"), Map.entry("sao tome and principe", "STP"),
            Map.entry("cote divoire", "CIV"), Map.entry("ivory coast", "CIV"), Map.entry("curacao", "CUW"),
            Map.entry("palestine", "PSE"), Map.entry("brunei", "BRN"), Map.entry("cape verde", "CPV"),
            Map.entry("swaziland", "SWZ"), Map.entry("burma", "MMR"), Map.entry("turkey", "TUR"),
            Map.entry("czech republic", "CZE"), Map.entry("the bahamas", "BHS"), Map.entry("bahamas", "BHS"),
            Map.entry("the gambia", "GMB"), Map.entry("congo democratic republic of the", "COD"),
            Map.entry("democratic republic of the congo", "COD"), Map.entry("republic of the congo", "COG"));

    private static final Map<String, String> ALPHA3_NAMES = new HashMap<>();
    private static final Map<String, String> ALPHA2_TO_ALPHA3 = new HashMap<>();
    private static final Map<String, String> NAMES_TO_ALPHA3 = new HashMap<>();

    static {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Countries.class.getResourceAsStream("/iso3166-1.csv"), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
                String[] cells = line.split(",", 3);
                ALPHA2_TO_ALPHA3.put(cells[0], cells[1]);
                String name = cells[2].replace(';', ',');
                ALPHA3_NAMES.put(cells[1], name);
                NAMES_TO_ALPHA3.put(normalise(name), cells[1]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ALIASES.forEach(NAMES_TO_ALPHA3::put);
    }

    private Countries() {
    }

    /** True for an assigned ISO 3166-1 alpha-3 code, in capitals. */
    public static boolean isAlpha3(String code) {
        return code != null && ALPHA3_NAMES.containsKey(code);
    }

    public static Optional<String> name(String alpha3) {
        return Optional.ofNullable(alpha3 == null ? null : ALPHA3_NAMES.get(alpha3));
    }

    public static Optional<String> alpha3FromAlpha2(String alpha2) {
        return Optional.ofNullable(alpha2 == null ? null : ALPHA2_TO_ALPHA3.get(alpha2.toUpperCase(Locale.ROOT)));
    }

    /** A country written any way the lists write it: alpha-3, alpha-2 or a name. */
    public static Optional<String> alpha3(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String trimmed = written.strip();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (isAlpha3(upper)) {
            return Optional.of(upper);
        }
        if (upper.length() == 2) {
            return alpha3FromAlpha2(upper);
        }
        return Optional.ofNullable(NAMES_TO_ALPHA3.get(normalise(trimmed)));
    }

    /** "Korea, Democratic People's Republic of" and "Democratic People's Republic of Korea" both become the same. */
    static String normalise(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
        String[] parts = plain.split(",", 2);
        String ordered = parts.length == 2 ? parts[1] + " " + parts[0] : plain;
        return ordered.replaceAll("[^a-z0-9]+", " ").strip();
    }
}
