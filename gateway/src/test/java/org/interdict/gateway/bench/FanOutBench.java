package org.interdict.gateway.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Readout fan-out: the admin publishes a readout releasable to N nations and reads its deliveries until there is one
 * per nation. The nations are created first as coalition members through the admin API.
 */
final class FanOutBench {

    private static final String ADMIN = "admin";
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final Api api;
    private final Target target;
    private final Results results;

    FanOutBench(Api api, Target target, Results results) {
        this.api = api;
        this.target = target;
        this.results = results;
    }

    void run(int nations, int readouts) {
        List<String> codes = nations(nations);
        Histogram millis = new Histogram(GIVE_UP.toMillis(), 3);
        for (int n = 0; n < readouts; n++) {
            long start = System.nanoTime();
            JsonNode readout = Api.read(Api.expect(api.send(api.postJson(target.gateway + "/api/readouts", ADMIN,
                    Map.of("title", "Benchmark readout " + n, "meetingDate", LocalDate.now(ZoneOffset.UTC).toString(),
                            "body", "Readout of a coalition meeting, published by the benchmark.", "tlp", "GREEN",
                            "releasableTo", codes))), 201));
            String deliveries = target.gateway + "/api/readouts/" + readout.get("id").asText() + "/deliveries?limit=1000";
            while (api.get(deliveries, ADMIN).get("items").size() < codes.size()) {
                if (System.nanoTime() - start > GIVE_UP.toNanos()) {
                    throw new IllegalStateException("readout " + readout.get("id") + " lacks deliveries after "
                            + GIVE_UP.toSeconds() + " s");
                }
                Seeder.sleep(Duration.ofMillis(20));
            }
            millis.recordValue(Math.min(GIVE_UP.toMillis(), (System.nanoTime() - start) / 1_000_000));
        }
        results.add("fan-out", "readout to " + codes.size() + " nations, every delivery recorded: p50",
                millis.getValueAtPercentile(50), "ms", null);
        results.aim("fan-out", "readout to " + codes.size() + " nations, every delivery recorded: max",
                millis.getMaxValue(), "ms", 2_000, false,
                readouts + " readouts one after the other, from the publish request to the deliveries list holding all");
    }

    /** The first N countries of ISO 3166 (but the DPRK), made coalition members; those that exist are kept. */
    private List<String> nations(int count) {
        List<Locale> countries = Arrays.stream(Locale.getISOCountries()).map(code -> new Locale("", code))
                .filter(country -> !country.getISO3Country().equals("PRK")).limit(count).toList();
        for (Locale country : countries) {
            Api.expect(api.send(api.postJson(target.gateway + "/api/admin/nations", ADMIN, Map.of("code",
                    country.getISO3Country(), "name", country.getDisplayCountry(Locale.ENGLISH), "member", true))), 201, 409);
        }
        return countries.stream().map(Locale::getISO3Country).toList();
    }
}
