package org.interdict.gateway.bench;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.http.HttpMethod;

/**
 * Fuzzy vessel search over the seeded fleet: one client asks for names with a typo, one query after another, and
 * counts how often the vessel it misspelled is among the answers.
 */
final class SearchBench {

    private static final String MINISTRY = "kor-ministry";
    /** Clients of the warm-up, which only needs the search path run often enough for the JIT to compile it. */
    private static final int WARMUP_CLIENTS = 4;

    private final Api api;
    private final Target target;
    private final Results results;

    private final Duration warmup;

    SearchBench(Api api, Target target, Results results, Duration warmup) {
        this.api = api;
        this.target = target;
        this.results = results;
        this.warmup = warmup;
    }

    void run(Fleet fleet, int searches) {
        // The search path runs nowhere else in the benchmark: the gateway's proxying of a GET and the registry's search
        // are warmed as the clearance endpoints are, until the throughput stops rising.
        try (Load load = new Load(WARMUP_CLIENTS)) {
            load.warmUntilSteady("gateway GET /api/registry/vessels?q=", () -> new Load.Shot(HttpMethod.GET,
                    url(fleet.vessel(ThreadLocalRandom.current().nextInt(fleet.size())), ThreadLocalRandom.current()),
                    api.token(MINISTRY), null), WARMUP_CLIENTS, warmup);
        }
        Random random = new Random(11);
        Histogram micros = new Histogram(60_000_000L, 3);
        int found = 0;
        CpuMeter.Reading before = CpuMeter.read();
        for (int n = 0; n < searches; n++) {
            Fleet.Vessel vessel = fleet.vessel(random.nextInt(fleet.size()));
            String url = url(vessel, random);
            long start = System.nanoTime();
            JsonNode page = api.get(url, MINISTRY);
            long took = (System.nanoTime() - start) / 1_000;
            micros.recordValue(Math.min(took, micros.getHighestTrackableValue()));
            for (JsonNode item : page.get("items")) {
                if (vessel.imo().equals(item.path("imo").asText())) {
                    found++;
                    break;
                }
            }
        }
        String cpu = CpuMeter.per(before, CpuMeter.read(), searches, "answer");
        String note = String.format("%,d queries with a typo, one client, limit 20; the misspelled vessel among the "
                + "answers in %.0f%%; max %.1f ms; %s", searches, 100.0 * found / searches,
                micros.getMaxValue() / 1000.0, cpu);
        results.add("search", "fuzzy vessel search over " + String.format("%,d", fleet.size()) + " vessels p50",
                micros.getValueAtPercentile(50) / 1000.0, "ms", null);
        results.aim("search", "fuzzy vessel search over " + String.format("%,d", fleet.size()) + " vessels p99",
                micros.getValueAtPercentile(99) / 1000.0, "ms", 20, false, note);
    }

    /** A query for the vessel's name with a typo. */
    private String url(Fleet.Vessel vessel, Random random) {
        return target.gateway + "/api/registry/vessels?limit=20&q=" + Api.encode(Fleet.typo(vessel.name(), random));
    }
}
