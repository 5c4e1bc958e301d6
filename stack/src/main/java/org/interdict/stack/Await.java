package org.interdict.stack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** For tests: waits for something asynchronous (an event relayed, applied, delivered); a generous bound, never a speed assertion. */
public final class Await {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting until " + what, e);
            }
        }
    }
}
