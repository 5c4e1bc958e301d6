package org.interdict.gateway.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Seeds the fleet through the registry's API, so that every vessel and designation goes through the outbox and Kafka
 * as in production: the designated vessels as UN 1718 list imports in chunks, the others registered one by one by
 * concurrent clients. Then waits until port-clearance's replica denies the designated ones.
 */
final class Seeder {

    private static final String ADMIN = "admin";
    private static final int CHUNK = 500;
    /**
     * Concurrent registering clients: each request spends most of its time waiting (token check, database round
     * trips, commit), so a few clients per core keep the registry busy on a shared machine.
     */
    private static final int CLIENTS = 32;

    private final Api api;
    private final Target target;
    private final Results results;

    Seeder(Api api, Target target, Results results) {
        this.api = api;
        this.target = target;
        this.results = results;
    }

    void seed(Fleet fleet) {
        long start = System.nanoTime();
        registerClear(fleet);
        double registering = (System.nanoTime() - start) / 1e9;
        results.add("seed", "vessels registered one by one (POST /api/registry/vessels, " + CLIENTS + " clients)",
                (fleet.size() - fleet.designated()) / registering, "vessels/s",
                String.format("%,d in %.0f s, straight to vessel-registry", fleet.size() - fleet.designated(), registering));
        start = System.nanoTime();
        for (int from = 0; from < fleet.designated(); from += CHUNK) {
            List<Fleet.Vessel> chunk = IntStream.range(from, Math.min(from + CHUNK, fleet.designated()))
                    .mapToObj(fleet::vessel).toList();
            importList(target.registry, chunk);
        }
        results.add("seed", "designated vessels imported (UN 1718 CSV in chunks of " + CHUNK + ")", fleet.designated(),
                "vessels", String.format("in %.1f s", (System.nanoTime() - start) / 1e9));
        start = System.nanoTime();
        awaitReplica(fleet);
        results.add("seed", "port-clearance replica caught up after the last import", (System.nanoTime() - start) / 1e9,
                "s", "until sampled designated vessels get DENY");
    }

    /** Imports a UN 1718 list of these vessels at {@code baseUrl}; answers the registry's report. */
    Map<?, ?> importList(String baseUrl, List<Fleet.Vessel> vessels) {
        HttpRequest request = api.request(baseUrl + "/api/registry/imports/un-1718-vessels", ADMIN)
                .header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(Fleet.unList(vessels))).build();
        Map<?, ?> report = Api.JSON.convertValue(Api.read(Api.expect(api.send(request), 200)), Map.class);
        if (!((List<?>) report.get("rejected")).isEmpty()) {
            throw new IllegalStateException("The registry rejected generated entries: " + report.get("rejected"));
        }
        return report;
    }

    private void registerClear(Fleet fleet) {
        AtomicInteger next = new AtomicInteger(fleet.designated());
        AtomicInteger done = new AtomicInteger();
        String url = target.registry + "/api/registry/vessels";
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < fleet.size(); i = next.getAndIncrement()) {
                        Fleet.Vessel vessel = fleet.vessel(i);
                        // 409: already there from an earlier run against the same stack
                        Api.expect(api.send(api.postJson(url, ADMIN, Map.of("imo", vessel.imo(), "name", vessel.name(),
                                "flag", vessel.flag(), "type", "Bulk carrier", "grossTonnage", 20_000 + i % 50_000,
                                "buildYear", 1990 + i % 35))), 201, 409);
                        int count = done.incrementAndGet();
                        if (count % 10_000 == 0) {
                            System.out.printf("    %,d vessels registered%n", count);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Seeding failed: " + e.getMessage(), e);
        } finally {
            clients.shutdownNow();
        }
    }

    private void awaitReplica(Fleet fleet) {
        List<Fleet.Vessel> sample = IntStream.of(0, fleet.designated() / 2, fleet.designated() - 1)
                .mapToObj(fleet::vessel).toList();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!sample.stream().allMatch(vessel -> "DENY".equals(Notices.decision(api, target.clearance, vessel)))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("port-clearance does not deny the seeded designated vessels after 10 min");
            }
            sleep(Duration.ofMillis(500));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
