package org.interdict.gateway.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

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
        // Timed on the load's event loop, which spends a few hundredths of a millisecond a request: the JDK
        // HttpClient spent 1.75-2.97 ms of CPU a query on the same two cores, enough to move the p99. The same queries
        // are then asked again through it, untimed, to read which vessels they found.
        Random random = new Random(11);
        List<Fleet.Vessel> misspelled = new ArrayList<>(searches);
        List<Load.Shot> shots = new ArrayList<>(searches);
        for (int n = 0; n < searches; n++) {
            Fleet.Vessel vessel = fleet.vessel(random.nextInt(fleet.size()));
            misspelled.add(vessel);
            shots.add(new Load.Shot(HttpMethod.GET, url(vessel, random), api.token(MINISTRY), null));
        }
        Load.Outcome timed;
        String cpu;
        try (Load load = new Load(1)) {
            // after the load's start, which is no part of a query
            CpuMeter.Reading before = CpuMeter.read();
            timed = load.oneByOne(shots);
            cpu = CpuMeter.per(before, CpuMeter.read(), searches, "answer");
        }
        if (timed.failed() > 0) {
            throw new IllegalStateException(timed.failed() + " of " + searches + " searches failed");
        }
        int found = 0;
        for (int n = 0; n < searches; n++) {
            String imo = misspelled.get(n).imo();
            for (JsonNode item : api.get(shots.get(n).url(), MINISTRY).get("items")) {
                if (imo.equals(item.path("imo").asText())) {
                    found++;
                    break;
                }
            }
        }
        String note = String.format("%,d queries with a typo, one after another, limit 20; the misspelled vessel among "
                + "the answers in %.0f%%; max %.1f ms; %s", searches, 100.0 * found / searches, timed.millis(100), cpu);
        results.add("search", "fuzzy vessel search over " + String.format("%,d", fleet.size()) + " vessels p50",
                timed.millis(50), "ms", null);
        results.aim("search", "fuzzy vessel search over " + String.format("%,d", fleet.size()) + " vessels p99",
                timed.millis(99), "ms", 20, false, note);
    }

    /** A query for the vessel's name with a typo. */
    private String url(Fleet.Vessel vessel, Random random) {
        return target.gateway + "/api/registry/vessels?limit=20&q=" + Api.encode(Fleet.typo(vessel.name(), random));
    }
}
