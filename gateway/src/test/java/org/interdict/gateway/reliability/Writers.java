package org.interdict.gateway.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.interdict.gateway.e2e.Platform;

/**
 * Clients writing through the gateway on their own threads until closed, every answer noted: the load a fault test
 * lands its fault in.
 */
final class Writers implements AutoCloseable {

    /** One round of one client's writes; it reports each answer's status through {@link #noted}. */
    interface Round {
        void run(int writer, Writers writers);
    }

    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final Set<Integer> failedSinceFault = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean faulted = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    private Writers() {
    }

    static Writers start(int count, Round round) {
        Platform.stack(); // started (once per JVM, minutes) before any wait on the clients begins
        Writers writers = new Writers();
        for (int i = 0; i < count; i++) {
            int writer = i;
            Thread thread = new Thread(() -> {
                while (writers.writing()) {
                    round.run(writer, writers);
                }
            }, "fault-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            writers.threads.add(thread);
        }
        return writers;
    }

    boolean writing() {
        return writing.get();
    }

    /** Notes an answer; true for a 2xx, an acknowledged write. */
    boolean noted(int writer, int status) {
        statuses.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
        boolean ok = status >= 200 && status < 300;
        if (ok) {
            acknowledged.incrementAndGet();
        } else if (faulted.get()) {
            failedSinceFault.add(writer);
        }
        return ok;
    }

    int acknowledged() {
        return acknowledged.get();
    }

    /** Waits until at least this many writes in all have been acknowledged. */
    void awaitAcknowledged(int count) {
        int reached = Fleet.eventually(acknowledged::get, done -> done >= count);
        if (reached < count) {
            throw new AssertionError("Only " + reached + " of " + count + " writes acknowledged; answers " + statuses());
        }
    }

    /** The fault has begun: from now on, failed writes count as the fault's. */
    void faultBegins() {
        faulted.set(true);
    }

    /** Waits until every client has had a write fail since the fault began, so that the fault met the writing. */
    void awaitEachFailed() {
        int failed = Fleet.eventually(failedSinceFault::size, done -> done == threads.size());
        if (failed < threads.size()) {
            throw new AssertionError("Only " + failed + " of " + threads.size() + " writers saw the fault; answers "
                    + statuses());
        }
    }

    /** How many answers of each status the clients got. */
    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** Stops the clients after their current write. */
    @Override
    public void close() {
        writing.set(false);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
