package org.interdict.gateway.bench;

import java.util.Random;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fuzzy vessel search over the seeded fleet: one client asks for names with a typo, one query after another, and
 * counts how often the vessel it misspelled is among the answers.
 */
final class SearchBench {

    private static final String MINISTRY = "kor-ministry";
    /** Untimed queries first: the registry's search path runs nowhere else in the benchmark. */
    private static final int WARMUP = 500;

    private final Api api;
    private final Target target;
    private final Results results;

    SearchBench(Api api, Target target, Results results) {
        this.api = api;
        this.target = target;
        this.results = results;
    }

    void run(Fleet fleet, int searches) {
        Random random = new Random(11);
        Histogram micros = new Histogram(60_000_000L, 3);
        int found = 0;
        CpuMeter.Reading before = null;
        for (int n = -WARMUP; n < searches; n++) {
            if (n == 0) {
                before = CpuMeter.read();
            }
            Fleet.Vessel vessel = fleet.vessel(random.nextInt(fleet.size()));
            String url = target.gateway + "/api/registry/vessels?limit=20&q=" + Api.encode(Fleet.typo(vessel.name(), random));
            long start = System.nanoTime();
            JsonNode page = api.get(url, MINISTRY);
            long took = (System.nanoTime() - start) / 1_000;
            if (n < 0) {
                continue;
            }
            micros.recordValue(Math.min(took, micros.getHighestTrackableValue()));
            for (JsonNode item : page.get("items")) {
                if (vessel.imo().equals(item.path("imo").asText())) {
                    found++;
                    break;
                }
            }
        }
        String cpu = CpuMeter.perRequest(before, CpuMeter.read(), searches);
        String note = String.format("%,d queries with a typo, one client, limit 20; the misspelled vessel among the "
                + "answers in %.0f%%; max %.1f ms; %s", searches, 100.0 * found / searches,
                micros.getMaxValue() / 1000.0, cpu);
        results.add("search", "fuzzy vessel search over " + String.format("%,d", fleet.size()) + " vessels p50",
                micros.getValueAtPercentile(50) / 1000.0, "ms", null);
        results.aim("search", "fuzzy vessel search over " + String.format("%,d", fleet.size()) + " vessels p99",
                micros.getValueAtPercentile(99) / 1000.0, "ms", 20, false, note);
    }
}
