package org.interdict.clearance.identifiers;

/** A ship's IMO number: seven digits, the last a check digit over the first six weighted 7 to 2; none starts with 0. */
public final class ImoNumber {

    private ImoNumber() {
    }

    public static boolean isValid(String imo) {
        if (imo == null || imo.length() != 7 || imo.charAt(0) == '0') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            char c = imo.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 6) {
                sum += (c - '0') * (7 - i);
            }
        }
        return sum % 10 == imo.charAt(6) - '0';
    }
}
