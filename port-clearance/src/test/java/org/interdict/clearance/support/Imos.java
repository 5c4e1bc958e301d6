package org.interdict.clearance.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh valid IMO numbers, so tests sharing one broker and database never collide; 9xxxxxx stay free for seeds. */
public final class Imos {

    private static final AtomicInteger NEXT = new AtomicInteger(100_000 + (int) (ProcessHandle.current().pid() % 500_000));

    private Imos() {
    }

    public static String next() {
        return withCheckDigit(String.format("%06d", NEXT.getAndIncrement() % 1_000_000));
    }

    public static String withCheckDigit(String six) {
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (six.charAt(i) - '0') * (7 - i);
        }
        return six + (sum % 10);
    }
}
