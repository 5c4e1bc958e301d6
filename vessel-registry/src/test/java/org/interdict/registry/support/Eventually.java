package org.interdict.registry.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something asynchronous (a Kafka consumer, the outbox relay) with generous patience; never a timing test. */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("Waited " + PATIENCE + " in vain for " + what);
    }
}
