package org.interdict.clearance.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load for {@code POST /api/clearance/requests}: decisions per second and latency percentiles, directly against the
 * service or through the gateway. Not a test; run it by hand against a running platform (see the module's README).
 *
 * <p>With {@code --rate N} it sends N requests a second on a fixed schedule (open loop) and measures each latency from
 * the moment the request was due, so a stalled server cannot hide its queueing; with {@code --rate 0} it runs
 * {@code --concurrency} clients back to back (closed loop) to find the most the service sustains.</p>
 */
public final class ClearanceBenchmark {

    private final Map<String, String> options;
    private final HttpClient http;
    private final URI target;
    private final String token;
    private final String body;
    private final LongAdder[] statuses = new LongAdder[600];
    private final AtomicInteger recorded = new AtomicInteger();
    private long[] latencies;
    private volatile boolean measuring;

    private ClearanceBenchmark(Map<String, String> options) throws Exception {
        this.options = options;
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(Math.max(4, concurrency / 4)))
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.target = URI.create(options.getOrDefault("url", "http://localhost:8080") + "/api/clearance/requests");
        this.token = options.containsKey("token") ? options.get("token") : fetchToken();
        this.body = """
                {"imo": "%s", "name": "%s", "flag": "%s", "port": "%s", "eta": "%s",
                 "lastPortsOfCall": [{"port": "CNDLC", "departed": "%s"}, {"port": "JPTYO", "departed": "%s"}],
                 "cargo": "Steel coils"}""".formatted(options.getOrDefault("imo", "9074729"),
                options.getOrDefault("name", "BENCH VESSEL"), options.getOrDefault("flag", "KOR"),
                options.getOrDefault("port", "KRPUS"), Instant.now().plus(2, ChronoUnit.DAYS),
                Instant.now().minus(10, ChronoUnit.DAYS), Instant.now().minus(20, ChronoUnit.DAYS));
        Arrays.setAll(statuses, i -> new LongAdder());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new ClearanceBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        int rate = Integer.parseInt(options.getOrDefault("rate", "0"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "30"));
        latencies = new long[Math.max(rate, 5000) * duration * 2];

        System.out.printf("Target %s, %s, warm-up %d s, measured %d s%n", target,
                rate > 0 ? rate + " requests/s (open loop)" : concurrency + " clients back to back (closed loop)",
                warmup, duration);
        if (rate > 0) {
            openLoop(rate, warmup, duration);
        } else {
            closedLoop(concurrency, warmup, duration);
        }
        report(duration);
    }

    private void openLoop(int rate, int warmup, int duration) throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        AtomicInteger inFlight = new AtomicInteger();
        scheduler.scheduleAtFixedRate(new Runnable() {
            long due = start;

            @Override
            public void run() {
                long now = System.nanoTime();
                while (due <= now && due < end) {
                    long intended = due;
                    boolean counted = intended >= measureFrom;
                    inFlight.incrementAndGet();
                    http.sendAsync(request(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                        record(counted, intended, response == null ? 599 : response.statusCode());
                        inFlight.decrementAndGet();
                    });
                    due += interval;
                }
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(end - start));
        scheduler.shutdownNow();
        long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inFlight.get() > 0 && System.nanoTime() < drain) {
            Thread.sleep(10);
        }
    }

    private void closedLoop(int concurrency, int warmup, int duration) throws InterruptedException {
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = 599;
                    }
                    record(sent >= measureFrom, sent, status);
                }
                done.countDown();
            });
            client.setDaemon(true);
            client.start();
        }
        done.await();
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void record(boolean counted, long intended, int status) {
        if (!counted) {
            return;
        }
        statuses[Math.min(status, 599)].increment();
        int slot = recorded.getAndIncrement();
        if (slot < latencies.length) {
            latencies[slot] = System.nanoTime() - intended;
        }
    }

    private void report(int duration) {
        int count = Math.min(recorded.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        Map<Integer, Long> byStatus = new ConcurrentHashMap<>();
        for (int i = 0; i < statuses.length; i++) {
            if (statuses[i].sum() > 0) {
                byStatus.put(i, statuses[i].sum());
            }
        }
        long created = byStatus.getOrDefault(201, 0L);
        System.out.printf("Responses by status: %s%n", byStatus);
        System.out.printf("Decisions stored (201): %d, %.0f per second%n", created, created / (double) duration);
        if (count > 0) {
            System.out.printf("Latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", millis(sorted, 0.50),
                    millis(sorted, 0.90), millis(sorted, 0.99), sorted[count - 1] / 1e6);
        }
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** A token for the benchmark user from the development realm (direct access grants are on there only). */
    private String fetchToken() throws Exception {
        String user = options.getOrDefault("user", "busan-officer");
        String form = "grant_type=password&client_id=coalition-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(options.getOrDefault("password", user + "-pass"), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(options.getOrDefault("token-url",
                "http://localhost:8180/realms/coalition/protocol/openid-connect/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }
}
