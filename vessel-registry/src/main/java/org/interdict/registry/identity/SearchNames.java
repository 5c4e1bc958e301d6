package org.interdict.registry.identity;

import java.text.Normalizer;
import java.util.Locale;

/** A name as search compares it: lowercase letters and digits only, so case, spacing and punctuation do not matter. */
public final class SearchNames {

    private SearchNames() {
    }

    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
