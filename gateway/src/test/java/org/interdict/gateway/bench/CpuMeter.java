package org.interdict.gateway.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU each part of the platform spends while a load runs, from the operating system's account of every process:
 * the stack's applications, Kafka and Keycloak (this JVM's descendants, so only a stack the benchmark started),
 * PostgreSQL's server processes (the machine's shared server: every database's), and the load generator (this JVM).
 * With the machine's busy share from {@code /proc/stat}, it says which part a throughput is bound by.
 */
final class CpuMeter {

    private static final List<String> APPLICATIONS = List.of("gateway", "port-clearance", "vessel-registry",
            "diplomatic-readouts");

    /** How busy the machine may still be when a run starts: the idle stack's own polling took 14 % of the 2 cores. */
    private static final double QUIET_PERCENT = 20;
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(3);

    /**
     * CPU time of each process by process id, with the part it belongs to, and the machine's busy and total time in
     * clock ticks, at one moment.
     */
    record Reading(Map<Long, Used> byProcess, long busyTicks, long totalTicks) {
    }

    record Used(String part, Duration cpu) {
    }

    private CpuMeter() {
    }

    static Reading read() {
        Map<Long, Used> byProcess = new LinkedHashMap<>();
        ProcessHandle self = ProcessHandle.current();
        add(byProcess, "load generator", self);
        self.descendants().forEach(process -> part(process).ifPresent(part -> add(byProcess, part, process)));
        ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"))
                .forEach(process -> add(byProcess, "postgresql", process));
        long[] machine = machineTicks();
        return new Reading(byProcess, machine[0], machine[1]);
    }

    /**
     * "total ms of CPU per {@code what}: part ms, ...; machine busy N %" between two readings, over the {@code count}
     * answers (or entries) handled meanwhile.
     */
    static String per(Reading before, Reading after, long count, String what) {
        // Per process: summed by part, a PostgreSQL backend that ended meanwhile took its whole CPU time out of the
        // part (a negative share, once). Its time since the first reading is lost; a process started meanwhile, or
        // a process id taken again, counts whole.
        Map<String, Double> millis = new LinkedHashMap<>();
        after.byProcess().forEach((pid, used) -> {
            Used earlier = before.byProcess().get(pid);
            Duration spent = earlier == null || earlier.cpu().compareTo(used.cpu()) > 0 ? used.cpu()
                    : used.cpu().minus(earlier.cpu());
            millis.merge(used.part(), spent.toNanos() / 1e6 / Math.max(1, count), Double::sum);
        });
        double total = millis.values().stream().mapToDouble(Double::doubleValue).sum();
        double busy = 100.0 * (after.busyTicks() - before.busyTicks())
                / Math.max(1, after.totalTicks() - before.totalTicks());
        return String.format("%.2f ms of CPU per %s: ", total, what) + millis.entrySet().stream()
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

    /**
     * Clock ticks the JIT compiler threads of the load generator and the stack's JVMs have used so far: while they
     * still climb, the path under load is still being compiled, and its throughput still rising.
     */
    static long compilingTicks() {
        ProcessHandle self = ProcessHandle.current();
        return Stream.concat(Stream.of(self), self.descendants().filter(process -> part(process).isPresent()))
                .mapToLong(process -> compilerTicks(process.pid())).sum();
    }

    private static long compilerTicks(long pid) {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                    String stat = Files.readString(thread.resolve("stat"));
                    // after the command in parentheses: state is field 3, utime 14 and stime 15
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a thread or process that ended meanwhile: its ticks no longer matter
        }
        return ticks;
    }

    private static void add(Map<Long, Used> byProcess, String part, ProcessHandle process) {
        process.info().totalCpuDuration().ifPresent(cpu -> byProcess.put(process.pid(), new Used(part, cpu)));
    }

    /**
     * Waits, at most {@link #SETTLE_LIMIT}, until the machine's cores are at most {@value #QUIET_PERCENT} % busy over
     * a second: what a run left behind (events still relayed and consumed, a checkpoint) would otherwise be measured
     * with the next. Says how long it waited and how busy the last second was.
     */
    static String settle() {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        long start = System.nanoTime();
        double busy;
        do {
            long[] before = machineTicks();
            sleep(Duration.ofSeconds(1));
            long[] after = machineTicks();
            busy = after[1] == before[1] ? 0 : 100.0 * (after[0] - before[0]) / (after[1] - before[1]);
        } while (busy > QUIET_PERCENT && System.nanoTime() < deadline);
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
