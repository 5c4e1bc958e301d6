package org.interdict.clearance.identifiers;

import java.util.regex.Pattern;

/** A UN/LOCODE: the ISO 3166 alpha-2 country code and three letters or digits 2-9. */
public final class UnLocode {

    public static final String PATTERN = "[A-Z]{2}[A-Z2-9]{3}";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);
    /** Any location in North Korea. */
    private static final String DPRK = "KP";

    private UnLocode() {
    }

    public static boolean isValid(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }

    public static boolean inDprk(String code) {
        return code != null && code.startsWith(DPRK);
    }
}
