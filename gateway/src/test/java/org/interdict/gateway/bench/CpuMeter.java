package org.interdict.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CPU each part of the platform spends while a load runs, from the operating system's account of every process:
 * the stack's applications, Kafka and Keycloak (this JVM's descendants, so only a stack the benchmark started),
 * PostgreSQL's server processes (the machine's shared server: every database's), and the load generator (this JVM).
 * With the machine's busy share from {@code /proc/stat}, it says which part a throughput is bound by.
 */
final class CpuMeter {

    private static final List<String> APPLICATIONS = List.of("gateway", "port-clearance", "vessel-registry",
            "diplomatic-readouts");

    /** CPU time by part, and the machine's busy and total time in clock ticks, at one moment. */
    record Reading(Map<String, Duration> byPart, long busyTicks, long totalTicks) {
    }

    private CpuMeter() {
    }

    static Reading read() {
        Map<String, Duration> byPart = new LinkedHashMap<>();
        ProcessHandle self = ProcessHandle.current();
        add(byPart, "load generator", self);
        self.descendants().forEach(process -> part(process).ifPresent(part -> add(byPart, part, process)));
        ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"))
                .forEach(process -> add(byPart, "postgresql", process));
        long[] machine = machineTicks();
        return new Reading(byPart, machine[0], machine[1]);
    }

    /**
     * "total ms of CPU per request (part ms, ...; machine busy N %)" between two readings, over the requests
     * answered meanwhile.
     */
    static String perRequest(Reading before, Reading after, long requests) {
        Map<String, Double> millis = new LinkedHashMap<>();
        after.byPart().forEach((part, cpu) -> millis.put(part,
                (cpu.minus(before.byPart().getOrDefault(part, Duration.ZERO)).toNanos() / 1e6) / Math.max(1, requests)));
        double total = millis.values().stream().mapToDouble(Double::doubleValue).sum();
        double busy = 100.0 * (after.busyTicks() - before.busyTicks())
                / Math.max(1, after.totalTicks() - before.totalTicks());
        return String.format("%.2f ms of CPU per answer: ", total) + millis.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(entry -> String.format("%s %.3f", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", ")) + String.format("; machine busy %.0f %%", busy);
    }

    private static Optional<String> part(ProcessHandle process) {
        List<String> arguments = process.info().arguments().map(List::of).orElse(List.of());
        if (!process.info().command().orElse("").endsWith("/java")) {
            return Optional.empty();
        }
        for (String application : APPLICATIONS) {
            String jar = application + "/target/quarkus-app/quarkus-run.jar";
            if (arguments.stream().anyMatch(argument -> argument.endsWith(jar))) {
                return Optional.of(application);
            }
        }
        if (arguments.contains("kafka.Kafka")) {
            return Optional.of("kafka");
        }
        if (arguments.stream().anyMatch(argument -> argument.contains("keycloak"))) {
            return Optional.of("keycloak");
        }
        return Optional.empty();
    }

    private static void add(Map<String, Duration> byPart, String part, ProcessHandle process) {
        process.info().totalCpuDuration().ifPresent(cpu -> byPart.merge(part, cpu, Duration::plus));
    }

    /**
     * Waits, at most {@code limit}, until the machine's cores are at most {@code quietPercent} busy over a second:
     * what a part left behind (events still relayed and consumed, a checkpoint) would otherwise be measured with the
     * next. Says how long it waited and how busy the last second was.
     */
    static String settle(double quietPercent, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long start = System.nanoTime();
        double busy;
        do {
            long[] before = machineTicks();
            sleep(Duration.ofSeconds(1));
            long[] after = machineTicks();
            busy = after[1] == before[1] ? 0 : 100.0 * (after[0] - before[0]) / (after[1] - before[1]);
        } while (busy > quietPercent && System.nanoTime() < deadline);
        return String.format("settled in %.0f s, machine %.0f %% busy", (System.nanoTime() - start) / 1e9, busy);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the machine to settle", e);
        }
    }

    /** Busy and total ticks of all cores: the first line of /proc/stat, less idle and I/O wait for busy. */
    private static long[] machineTicks() {
        try {
            long[] ticks = Arrays.stream(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"))
                    .skip(1).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(ticks).limit(8).sum();
            return new long[] {total - ticks[3] - ticks[4], total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
