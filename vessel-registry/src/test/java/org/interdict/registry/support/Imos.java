package org.interdict.registry.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh valid IMO numbers for tests that share one database; they start with 5 or 6, unlike the sample lists'. */
public final class Imos {

    private static final AtomicInteger NEXT = new AtomicInteger(500_000 + ThreadLocalRandom.current().nextInt(100_000));

    private Imos() {
    }

    public static String next() {
        return withCheckDigit(NEXT.getAndIncrement());
    }

    /** The IMO number of six digits. */
    public static String withCheckDigit(int sixDigits) {
        String digits = String.format("%06d", sixDigits);
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (digits.charAt(i) - '0') * (7 - i);
        }
        return digits + (sum % 10);
    }

    /** The same number with a check digit that does not hold. */
    public static String withWrongCheckDigit(String imo) {
        int wrong = (imo.charAt(6) - '0' + 1) % 10;
        return imo.substring(0, 6) + wrong;
    }
}
