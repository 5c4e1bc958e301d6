package org.interdict.gateway.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Load on one endpoint, in the two shapes a benchmark needs. Closed loop: N clients each send the next request when
 * the last one answered, which finds the throughput at saturation. Open loop (wrk2-style): requests are sent on a
 * fixed schedule whatever the answers, and each latency runs from the scheduled send time, so a server that falls
 * behind shows its queueing delay instead of slowing the load down (coordinated omission).
 * <p>
 * The load runs on one Vert.x event loop over a fixed number of keep-alive connections, as {@code wrk} does on one
 * thread: the generator shares the machine's cores with the stack it measures, so it must cost little per request.
 * The JDK HttpClient it replaced spent several times the gateway's own CPU per call, and capped the gateway's
 * trivial endpoint at a tenth of what {@code wrk} drew from it on the same machine.
 */
final class Load implements AutoCloseable {

    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(120);
    private static final Duration DRAIN = Duration.ofSeconds(120);
    private static final Duration WARMUP_ROUND = Duration.ofSeconds(5);
    private static final double GAIN = 0.05;
    private static final double COMPILING_SHARE = 0.05;
    private static final long LONGEST_WARMUP_SECONDS = 180;

    /** One request: its method, absolute URL, bearer token and JSON body ({@code null}: none). */
    record Shot(HttpMethod method, String url, String token, Buffer body) {
    }

    /** What a run measured: answers in 2xx, the others (status or I/O error), its duration and latencies in µs. */
    record Outcome(long ok, long failed, double seconds, Histogram micros) {

        double throughput() {
            return ok / seconds;
        }

        double millis(double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient client;

    /** At most {@code connections} requests in flight; more wait for a connection, and the wait counts. */
    Load(int connections) {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setConnectTimeout(10_000), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /**
     * Closed-loop rounds until two in a row carry no more than {@value #GAIN} above the best round before them and
     * the JIT compilers of the stack's JVMs (and the load generator's) spent under {@value #COMPILING_SHARE} of a
     * round compiling in the last one, after {@code least} at least and {@value #LONGEST_WARMUP_SECONDS} s at most.
     * Throughput alone stopped a slow ramp early: on the 2-core machine a proxied decision took 50 s of load to go
     * from 600 to 4,600 a second, and on a slower machine rounds of 454 and 426 a second after 482 passed for steady
     * while the compilers were still busy.
     */
    void warmUntilSteady(String endpoint, Supplier<Shot> requests, int clients, Duration least) {
        long start = System.nanoTime();
        List<String> rounds = new ArrayList<>();
        double best = 0;
        int flat = 0;
        while (true) {
            long compiledBefore = CpuMeter.compilingTicks();
            double now = closed(requests, clients, WARMUP_ROUND).throughput();
            // clock ticks are hundredths of a second
            double compiling = (CpuMeter.compilingTicks() - compiledBefore) / 100.0 / WARMUP_ROUND.toSeconds();
            rounds.add(String.format("%d (JIT %.0f %%)", Math.round(now), 100 * compiling));
            flat = best > 0 && now <= best * (1 + GAIN) ? flat + 1 : 0;
            best = Math.max(best, now);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            if ((flat >= 2 && compiling < COMPILING_SHARE && seconds >= least.toSeconds())
                    || seconds >= LONGEST_WARMUP_SECONDS) {
                System.out.printf("  warmed %s in %d s, req/s per %d s round: %s%n", endpoint, seconds,
                        WARMUP_ROUND.toSeconds(), String.join(", ", rounds));
                return;
            }
        }
    }

    Outcome closed(Supplier<Shot> shots, int clients, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        return closed(shots, clients, () -> System.nanoTime() < end, duration.plus(DRAIN));
    }

    /** The requests in their order on one connection, each sent once the one before has answered. */
    Outcome oneByOne(List<Shot> shots) {
        Iterator<Shot> next = shots.iterator();
        // a bound for a stuck run, far above any answer's time
        return closed(next::next, 1, next::hasNext, DRAIN.plusMillis(100L * shots.size()));
    }

    private Outcome closed(Supplier<Shot> shots, int clients, BooleanSupplier more, Duration timeout) {
        Tally tally = new Tally();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime();
        vertx.runOnContext(started -> {
            int[] running = {clients};
            for (int i = 0; i < clients; i++) {
                loop(shots, more, tally, () -> {
                    if (--running[0] == 0) {
                        done.complete(null);
                    }
                });
            }
        });
        await(done, timeout);
        return tally.outcome((System.nanoTime() - start) / 1e9);
    }

    private void loop(Supplier<Shot> shots, BooleanSupplier more, Tally tally, Runnable finished) {
        if (!more.getAsBoolean()) {
            finished.run();
            return;
        }
        long sent = System.nanoTime();
        send(shots.get()).onComplete(answer -> {
            tally.record(sent, answer.succeeded() ? answer.result() : 0);
            loop(shots, more, tally, finished);
        });
    }

    Outcome open(Supplier<Shot> shots, int perSecond, Duration duration) {
        Tally tally = new Tally();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long count = perSecond * duration.toSeconds();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        long[] scheduled = {0};
        long[] answered = {0};
        // Every millisecond, send what the schedule says is due by now; each latency counts from its own slot.
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (scheduled[0] < count && start + scheduled[0] * interval <= now) {
                long slot = start + scheduled[0]++ * interval;
                send(shots.get()).onComplete(answer -> {
                    tally.record(slot, answer.succeeded() ? answer.result() : 0);
                    if (++answered[0] == count) {
                        done.complete(null);
                    }
                });
            }
            if (scheduled[0] == count) {
                vertx.cancelTimer(timer);
            }
        });
        await(done, duration.plus(DRAIN));
        return tally.outcome((System.nanoTime() - start) / 1e9);
    }

    /** The answer's status once its body is read; a failed future for an I/O error or timeout. */
    private Future<Integer> send(Shot shot) {
        RequestOptions request = new RequestOptions().setMethod(shot.method()).setAbsoluteURI(shot.url())
                .setIdleTimeout(60_000).putHeader("Authorization", "Bearer " + shot.token())
                .putHeader("Accept", "application/json");
        if (shot.body() != null) {
            request.putHeader("Content-Type", "application/json");
        }
        return client.request(request)
                .compose(call -> shot.body() == null ? call.send() : call.send(shot.body()))
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    private static void await(CompletableFuture<Void> done, Duration timeout) {
        try {
            done.get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("requests still unanswered " + timeout.toSeconds() + " s after the start");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Counts and latencies, recorded on the load's event loop. */
    private static final class Tally {
        private final Histogram micros = new Histogram(HIGHEST_MICROS, 3);
        private long ok;
        private long failed;

        /** {@code status} 0: no answer (I/O error or timeout). */
        void record(long from, int status) {
            micros.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - from) / 1_000));
            if (status / 100 == 2) {
                ok++;
            } else {
                failed++;
            }
        }

        Outcome outcome(double seconds) {
            return new Outcome(ok, failed, seconds, micros);
        }
    }
}
