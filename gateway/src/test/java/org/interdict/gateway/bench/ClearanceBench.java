package org.interdict.gateway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * Clearance decisions through the gateway, the same straight to port-clearance, and the gateway's trivial
 * authenticated endpoint as the reference: throughput at saturation (closed loop) and latency at fixed offered rates
 * (open loop), one after the other in the same run, so the ratios compare like with like.
 */
final class ClearanceBench {

    static final String SECTION = "clearance";
    /** The highest offered rate, relative to the saturation throughput, that is still worth a latency figure. */
    private static final double OVERLOAD = 1.25;

    private final Api api;
    private final Target target;
    private final BenchOptions options;
    private final Results results;
    private final Profiler profiler;

    ClearanceBench(Api api, Target target, BenchOptions options, Results results, Profiler profiler) {
        this.api = api;
        this.target = target;
        this.options = options;
        this.results = results;
        this.profiler = profiler;
    }

    void run(Fleet fleet) {
        Random random = new Random(7);
        List<Buffer> notices = IntStream.range(0, 2_000)
                .mapToObj(i -> Buffer.buffer(Api.write(Notices.of(fleet.clear(random))))).toList();
        Supplier<Load.Shot> viaGatewayRequests = () -> decide(target.gateway, notices);
        Supplier<Load.Shot> directRequests = () -> decide(target.clearance, notices);
        String whoamiUrl = target.gateway + "/api/whoami";
        Supplier<Load.Shot> whoamiRequests = () -> new Load.Shot(HttpMethod.GET, whoamiUrl, api.token(Notices.OFFICER),
                null);
        // Every endpoint is warmed before any is measured: the first measured would otherwise run on code the JIT has
        // not compiled yet, while the later ones reuse what the earlier ones warmed (port-clearance, the gateway).
        try (Load warmup = new Load(options.clients())) {
            warmup.warmUntilSteady("gateway POST /api/clearance/requests", viaGatewayRequests, options.clients(),
                    options.warmup());
            warmup.warmUntilSteady("port-clearance POST /api/clearance/requests", directRequests, options.clients(),
                    options.warmup());
            warmup.warmUntilSteady("gateway GET /api/whoami", whoamiRequests, options.clients(), options.warmup());
        }
        double viaGateway = measure("gateway POST /api/clearance/requests", true, viaGatewayRequests,
                List.of("gateway", "port-clearance"));
        double direct = measure("port-clearance POST /api/clearance/requests (no gateway)", false, directRequests,
                List.of("port-clearance"));
        double whoami = measure("gateway GET /api/whoami", false, whoamiRequests, List.of("gateway"));
        results.aim(SECTION, "gateway clearance throughput / gateway whoami throughput", viaGateway / whoami, "",
                0.30, true, "the trivial authenticated endpoint is the reference");
        results.add(SECTION, "gateway clearance throughput / direct clearance throughput", viaGateway / direct, "",
                "what the gateway leaves of port-clearance's own capacity");
    }

    private Load.Shot decide(String baseUrl, List<Buffer> notices) {
        return new Load.Shot(HttpMethod.POST, baseUrl + Notices.PATH, api.token(Notices.OFFICER),
                notices.get(ThreadLocalRandom.current().nextInt(notices.size())));
    }

    /** Warms up, saturates, then offers each rate; answers the saturation throughput. */
    private double measure(String endpoint, boolean withAims, Supplier<Load.Shot> requests, List<String> profiled) {
        System.out.println("  -- " + endpoint);
        try (Load load = new Load(options.clients())) {
            return measure(endpoint, withAims, requests, profiled, load);
        }
    }

    private double measure(String endpoint, boolean withAims, Supplier<Load.Shot> requests, List<String> profiled,
            Load load) {
        // Started before the warm-up: starting JFR instruments JDK classes, and code compiled against them is thrown
        // away and compiled again, which the measured run should not pay for.
        profiler.record(endpoint.startsWith("gateway POST") ? "saturation-gateway-clearance"
                : endpoint.startsWith("port-clearance") ? "saturation-direct-clearance" : "saturation-whoami",
                options.warmup().plus(options.duration()), profiled);
        // Each run on a settled machine, as each part of the benchmark: a saturation run leaves its decisions' events
        // to relay and consume, which would otherwise be measured with the next endpoint's runs.
        System.out.println("    " + target.settle());
        load.closed(requests, options.clients(), options.warmup());
        CpuMeter.Reading before = CpuMeter.read();
        Load.Outcome saturated = load.closed(requests, options.clients(), options.duration());
        String cpu = CpuMeter.per(before, CpuMeter.read(), saturated.ok() + saturated.failed(), "answer");
        String note = String.format("closed loop, %d clients, %.0f s, %,d errors; p50 %.1f ms, p99 %.1f ms; %s",
                options.clients(), saturated.seconds(), saturated.failed(), saturated.millis(50), saturated.millis(99),
                cpu);
        if (withAims) {
            results.aim(SECTION, endpoint + ": throughput at saturation", saturated.throughput(), "req/s", 2_000, true,
                    note);
        } else {
            results.add(SECTION, endpoint + ": throughput at saturation", saturated.throughput(), "req/s", note);
        }
        List<Integer> rates = new ArrayList<>();
        for (int rate : options.rates()) {
            if (rate > OVERLOAD * saturated.throughput()) {
                // past saturation the open loop only measures an ever longer queue, and would take its length to drain
                results.add(SECTION, endpoint + " @" + rate + "/s p99", Double.NaN, "ms",
                        String.format("not offered: over %.2f x the saturation throughput", OVERLOAD));
            } else {
                rates.add(rate);
            }
        }
        if (rates.isEmpty()) {
            // still one latency figure under a steady load the endpoint can carry
            rates.add(Math.max(1, (int) (saturated.throughput() / 2)));
        }
        // the saturation run's backlog drained first; a rate the endpoint carries leaves next to none
        System.out.println("    " + target.settle());
        for (int rate : rates) {
            Load.Outcome outcome = load.open(requests, rate, options.duration());
            String rateNote = String.format("open loop at %d/s for %.0f s: answered %.0f/s, %,d errors, max %.1f ms",
                    rate, outcome.seconds(), outcome.throughput(), outcome.failed(), outcome.micros().getMaxValue() / 1000.0);
            String at = endpoint + " @" + rate + "/s";
            results.add(SECTION, at + " p50", outcome.millis(50), "ms", null);
            results.add(SECTION, at + " p95", outcome.millis(95), "ms", null);
            if (withAims && rate == 1_000) {
                results.aim(SECTION, at + " p99", outcome.millis(99), "ms", 50, false, rateNote);
            } else {
                results.add(SECTION, at + " p99", outcome.millis(99), "ms", rateNote);
            }
        }
        return saturated.throughput();
    }
}
