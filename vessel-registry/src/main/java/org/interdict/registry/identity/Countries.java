package org.interdict.registry.identity;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * ISO 3166-1 countries by alpha-3 code, found from an alpha-3 or alpha-2 code or a name as sanctions lists write it.
 * The codes and English short names come from the JDK's own ISO 3166 table; the names lists use that the JDK does not
 * know ({@code Korea, North}, official long forms) are added here.
 */
public final class Countries {

    /** OFAC's way of saying the flag is not known: not an error, an unknown flag. */
    public static final String NONE_IDENTIFIED = "None Identified";

    private static final Map<String, String> ALPHA3 = new HashMap<>();
    private static final Map<String, String> BY_KEY = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            Locale locale = new Locale("", alpha2);
            String alpha3;
            try {
                alpha3 = locale.getISO3Country();
            } catch (MissingResourceException e) {
                continue;
            }
            if (alpha3.isEmpty()) {
                continue;
            }
            ALPHA3.put(alpha3, alpha2);
            BY_KEY.put(key(alpha2), alpha3);
            BY_KEY.put(key(alpha3), alpha3);
            BY_KEY.put(key(locale.getDisplayCountry(Locale.ENGLISH)), alpha3);
        }
        alias("PRK", "Korea, North", "North Korea", "Democratic People's Republic of Korea", "DPRK",
                "Korea, Democratic People's Republic of", "Korea (North)");
        alias("KOR", "Korea, South", "South Korea", "Republic of Korea", "Korea, Republic of", "Korea (South)");
        alias("HKG", "Hong Kong", "Hong Kong SAR", "Hong Kong, China");
        alias("MAC", "Macau", "Macao", "Macao SAR");
        alias("USA", "United States of America", "United States", "USA", "U.S.A.");
        alias("GBR", "United Kingdom of Great Britain and Northern Ireland", "Great Britain", "UK");
        alias("RUS", "Russian Federation", "Russia");
        alias("CHN", "People's Republic of China", "China");
        alias("TWN", "Taiwan", "Taiwan, Province of China");
        alias("VNM", "Viet Nam", "Vietnam");
        alias("IRN", "Iran", "Iran, Islamic Republic of");
        alias("SYR", "Syria", "Syrian Arab Republic");
        alias("LAO", "Laos", "Lao People's Democratic Republic");
        alias("TZA", "Tanzania", "Tanzania, United Republic of");
        alias("MDA", "Moldova", "Moldova, Republic of");
        alias("BOL", "Bolivia", "Bolivia, Plurinational State of");
        alias("VEN", "Venezuela", "Venezuela, Bolivarian Republic of");
        alias("FSM", "Micronesia", "Micronesia, Federated States of");
        alias("CIV", "Cote d'Ivoire", "Ivory Coast");
        alias("MMR", "Burma", "Myanmar");
        alias("COD", "Congo, Democratic Republic of the", "Democratic Republic of the Congo");
        alias("COG", "Congo, Republic of the", "Republic of the Congo");
        alias("KNA", "Saint Kitts and Nevis", "St Kitts and Nevis");
        alias("VCT", "Saint Vincent and the Grenadines", "St Vincent and the Grenadines");
        alias("CZE", "Czech Republic", "Czechia");
        alias("TUR", "Turkey", "Turkiye");
        alias("SWZ", "Swaziland", "Eswatini");
        alias("CPV", "Cape Verde", "Cabo Verde");
    }

    private Countries() {
    }

    private static void alias(String alpha3, String... names) {
        for (String name : names) {
            BY_KEY.put(key(name), alpha3);
        }
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-3 code. */
    public static boolean isAlpha3(String code) {
        return code != null && ALPHA3.containsKey(code);
    }

    /** The alpha-3 code for an alpha-3 or alpha-2 code or a country name, in any case and punctuation. */
    public static Optional<String> alpha3(String codeOrName) {
        return codeOrName == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(codeOrName)));
    }

    public static boolean noneIdentified(String name) {
        return name != null && key(name).equals(key(NONE_IDENTIFIED));
    }

    /** Case, accents, spacing and punctuation do not tell names apart. */
    private static String key(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
