package org.interdict.gateway.e2e;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Events take a moment to cross Kafka: a call retried (bounded) until its answer satisfies a check. */
public final class Eventually {

    private Eventually() {
    }

    /** The first answer that passes the check, or the last one when the time runs out (the caller asserts on it). */
    public static <T> T until(Supplier<T> call, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = call.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = call.get();
        }
        return last;
    }

    /** Waits until the user's GET on the path answers the status. */
    public static void status(String user, String path, int status) {
        int last = until(() -> Platform.as(user).get(path).statusCode(), answered -> answered == status);
        if (last != status) {
            throw new AssertionError(user + " GET " + path + " answered " + last + ", expected " + status);
        }
    }
}
