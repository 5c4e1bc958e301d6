package org.interdict.gateway.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The benchmark's settings, from system properties ({@code -Dbench.vessels=20000}); every default is the full run
 * that issue 9 asks for.
 *
 * @param gateway     a running gateway to measure; empty starts a stack of its own on free ports
 * @param extraConfig {@code bench.config.<key>=<value>}: settings for every application of a stack it starts
 */
record BenchOptions(Optional<String> gateway, String keycloak, String registry, String clearance, int vessels,
        int designated, int imoBase, int clients, List<Integer> rates, Duration warmup, Duration duration,
        int designations, int importEntries, int nations, int readouts, int searches, boolean profile,
        Map<String, String> extraConfig) {

    static BenchOptions fromSystemProperties() {
        Map<String, String> extra = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.config."))
                .forEach(name -> extra.put(name.substring("bench.config.".length()), System.getProperty(name)));
        return new BenchOptions(
                Optional.ofNullable(System.getProperty("bench.gateway")).filter(url -> !url.isBlank()),
                text("bench.keycloak", "http://localhost:8180"),
                text("bench.registry", "http://127.0.0.1:8081"),
                text("bench.clearance", "http://127.0.0.1:8082"),
                number("bench.vessels", 100_000),
                number("bench.designated", 1_000),
                // IMO numbers are base + i with a check digit; another base seeds a running stack again
                number("bench.imo-base", 300_000),
                number("bench.clients", 64),
                Arrays.stream(text("bench.rates", "250,500,1000").split(",")).map(String::trim)
                        .map(Integer::parseInt).toList(),
                Duration.ofSeconds(number("bench.warmup-seconds", 10)),
                Duration.ofSeconds(number("bench.duration-seconds", 20)),
                number("bench.designations", 100),
                number("bench.import-entries", 10_000),
                number("bench.nations", 50),
                number("bench.readouts", 20),
                number("bench.searches", 1_000),
                Boolean.parseBoolean(text("bench.profile", "false")),
                extra);
    }

    private static String text(String name, String fallback) {
        return System.getProperty(name, fallback);
    }

    private static int number(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)).replace("_", ""));
    }
}
