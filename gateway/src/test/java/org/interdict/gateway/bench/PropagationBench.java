package org.interdict.gateway.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Designation to {@code DENY}: an admin designates a vessel that was clear, then the port officer asks for its
 * clearance every 20 ms until the answer is {@code DENY}. The time runs from the designation request to the first
 * DENY: the registry's transaction, the outbox relay's poll, Kafka, and port-clearance's replica.
 */
final class PropagationBench {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final Api api;
    private final Target target;
    private final Results results;

    PropagationBench(Api api, Target target, Results results) {
        this.api = api;
        this.target = target;
        this.results = results;
    }

    void run(Fleet fleet, int designations) {
        Histogram millis = new Histogram(GIVE_UP.toMillis(), 3);
        for (int n = 0; n < designations; n++) {
            Fleet.Vessel vessel = fleet.vessel(fleet.size() - 1 - n);
            long start = System.nanoTime();
            Api.expect(api.send(api.postJson(target.gateway + "/api/registry/vessels/" + vessel.imo() + "/designations",
                    "admin", Map.of("authority", "COALITION", "reference", "BENCH-" + vessel.imo(), "listedOn",
                            LocalDate.now(ZoneOffset.UTC).toString(), "basis", "Benchmark designation"))), 201);
            while (!"DENY".equals(Notices.decision(api, target.gateway, vessel))) {
                if (System.nanoTime() - start > GIVE_UP.toNanos()) {
                    throw new IllegalStateException("IMO " + vessel.imo() + " is not denied " + GIVE_UP.toSeconds()
                            + " s after its designation");
                }
                Seeder.sleep(POLL);
            }
            millis.recordValue(Math.min(GIVE_UP.toMillis(), (System.nanoTime() - start) / 1_000_000));
        }
        String note = String.format("%d designations one after the other, polled every %d ms; max %d ms", designations,
                POLL.toMillis(), millis.getMaxValue());
        results.add("propagation", "designation -> DENY p50", millis.getValueAtPercentile(50), "ms", null);
        results.aim("propagation", "designation -> DENY p99", millis.getValueAtPercentile(99), "ms", 1_000, false, note);
    }
}
