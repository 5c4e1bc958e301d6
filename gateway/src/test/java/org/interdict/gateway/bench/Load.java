package org.interdict.gateway.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Load on one endpoint, in the two shapes a benchmark needs. Closed loop: N clients each send the next request when
 * the last one answered, which finds the throughput at saturation. Open loop (wrk2-style): requests are sent on a
 * fixed schedule whatever the answers, and each latency runs from the scheduled send time, so a server that falls
 * behind shows its queueing delay instead of slowing the load down (coordinated omission).
 */
final class Load {

    /** Open-loop requests allowed in flight; past it the schedule waits, and the wait counts in the latencies. */
    private static final int MAX_IN_FLIGHT = 1_024;
    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(120);

    /** What a run measured: answers in 2xx, the others (status or I/O error), its duration and latencies in µs. */
    record Outcome(long ok, long failed, double seconds, Histogram micros) {

        double throughput() {
            return ok / seconds;
        }

        double millis(double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final HttpClient client;

    Load(HttpClient client) {
        this.client = client;
    }

    Outcome closed(Supplier<HttpRequest> requests, int clients, Duration duration) {
        Tally tally = new Tally();
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            next(requests, end, tally, done);
        }
        await(done, duration.plusSeconds(120));
        return tally.outcome((System.nanoTime() - start) / 1e9);
    }

    private void next(Supplier<HttpRequest> requests, long end, Tally tally, CountDownLatch done) {
        long sent = System.nanoTime();
        if (sent >= end) {
            done.countDown();
            return;
        }
        client.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            tally.record(sent, response, error);
            next(requests, end, tally, done);
        });
    }

    Outcome open(Supplier<HttpRequest> requests, int perSecond, Duration duration) {
        Tally tally = new Tally();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long count = perSecond * duration.toSeconds();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        for (long i = 0; i < count; i++) {
            long scheduled = start + i * interval;
            for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquireUninterruptibly();
            client.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                tally.record(scheduled, response, error);
                inFlight.release();
            });
        }
        try {
            if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests still unanswered 120 s after the schedule ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return tally.outcome((System.nanoTime() - start) / 1e9);
    }

    private static void await(CountDownLatch latch, Duration timeout) {
        try {
            if (!latch.await(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("clients still busy " + timeout.toSeconds() + " s after the run's end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Counts and latencies, recorded from the HTTP client's threads. */
    private static final class Tally {
        private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();

        void record(long from, HttpResponse<?> response, Throwable error) {
            recorder.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - from) / 1_000));
            if (error == null && response.statusCode() / 100 == 2) {
                ok.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        }

        Outcome outcome(double seconds) {
            return new Outcome(ok.get(), failed.get(), seconds, recorder.getIntervalHistogram());
        }
    }
}
