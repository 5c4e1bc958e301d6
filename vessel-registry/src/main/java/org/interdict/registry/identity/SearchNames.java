package org.interdict.registry.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** A name as search compares it: lowercase letters and digits only, so case, spacing and punctuation do not matter. */
public final class SearchNames {

    /** Compiled once: an import normalises thousands of names. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");

    private SearchNames() {
    }

    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
