package org.interdict.clearance.replica;

import java.text.Normalizer;
import java.util.Set;

/**
 * A vessel name reduced to what identifies it: capitals and digits only, without accents, spacing, punctuation or a
 * leading type prefix ("M/V", "MT"), so "M/V Chon Ma-San" and "CHONMASAN" are one name.
 */
public final class NameKey {

    private static final Set<String> PREFIXES = Set.of("MV", "MT", "MS", "SS", "MY", "FV");

    private NameKey() {
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String plain = name;
        for (int i = 0; i < plain.length(); i++) {
            if (plain.charAt(i) > 127) {
                plain = Normalizer.normalize(plain, Normalizer.Form.NFD);
                break;
            }
        }
        StringBuilder key = new StringBuilder(plain.length());
        int firstWordEnd = -1;
        boolean inWord = false;
        for (int i = 0; i < plain.length(); i++) {
            char original = plain.charAt(i);
            if (original > 127 && Character.getType(original) == Character.NON_SPACING_MARK) {
                continue; // the accent NFD split off its letter
            }
            char c = Character.toUpperCase(original);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                key.append(c);
                inWord = true;
            } else if (c != '/' && inWord && firstWordEnd < 0) {
                firstWordEnd = key.length(); // "M/V" stays one word
            }
        }
        if (firstWordEnd > 0 && firstWordEnd < key.length() && PREFIXES.contains(key.substring(0, firstWordEnd))) {
            return key.substring(firstWordEnd);
        }
        return key.toString();
    }
}
