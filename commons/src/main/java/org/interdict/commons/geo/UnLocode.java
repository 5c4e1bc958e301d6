package org.interdict.commons.geo;

import java.util.Optional;
import java.util.regex.Pattern;

/** A UN/LOCODE: the ISO 3166 alpha-2 code of a country and three letters or digits 2-9 for the place. */
public final class UnLocode {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[A-Z2-9]{3}");

    private UnLocode() {
    }

    /** True when the code has the shape and its first two letters name a country. */
    public static boolean isValid(String code) {
        return code != null && SHAPE.matcher(code).matches() && Countries.alpha3FromAlpha2(code.substring(0, 2)).isPresent();
    }

    /** The alpha-3 code of the port's country. */
    public static Optional<String> country(String code) {
        return isValid(code) ? Countries.alpha3FromAlpha2(code.substring(0, 2)) : Optional.empty();
    }

    /** A port in North Korea: any UN/LOCODE that starts with KP. */
    public static boolean isInDprk(String code) {
        return code != null && code.startsWith("KP");
    }
}
