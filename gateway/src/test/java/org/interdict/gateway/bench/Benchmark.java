package org.interdict.gateway.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.interdict.stack.Layout;

/**
 * The benchmark command of docs/BENCHMARKS.md ({@code ./mvnw package -DskipTests -Pbench}): starts a stack (or uses
 * a running one, {@code -Dbench.gateway=...}), seeds the fleet through the API, measures propagation, search,
 * import, fan-out and clearance, prints the table and writes {@code gateway/target/bench/results.json}. Bounded in
 * count and time; it stops by itself.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        BenchOptions options = BenchOptions.fromSystemProperties();
        Path out = Layout.locate().root().resolve("gateway/target/bench");
        Results results = new Results();
        describeMachine(results, options);
        long start = System.nanoTime();
        try (Target target = Target.open(options)) {
            Api api = new Api(target.tokenUrl);
            Fleet fleet = new Fleet(options.imoBase(), options.vessels(), options.designated());
            Seeder seeder = new Seeder(api, target, results);
            results.context("gateway", target.gateway);
            results.context("ownStack", target.ownStack());
            phase(target, "Seeding " + String.format("%,d vessels, %,d designated", fleet.size(), fleet.designated()),
                    () -> seeder.seed(fleet));
            // The import before the fan-out: its designations become notices to every member's inbox, many more once
            // the fan-out has made 50 members. Clearance last: its saturation runs leave minutes of decision events
            // for the registry. Either would otherwise be measured with the parts after it.
            phase(target, "Designation -> DENY propagation",
                    () -> new PropagationBench(api, target, results).run(fleet, options.designations()));
            phase(target, "Fuzzy vessel search", () -> new SearchBench(api, target, results, options.warmup())
                    .run(fleet, options.searches()));
            phase(target, "UN 1718 list import",
                    () -> new ImportBench(seeder, target, results).run(fleet, options.imoBase(), options.importEntries()));
            phase(target, "Readout fan-out",
                    () -> new FanOutBench(api, target, results).run(options.nations(), options.readouts()));
            phase(target, "Clearance decisions", () -> new ClearanceBench(api, target, options, results,
                    new Profiler(options.profile() && target.ownStack(), out)).run(fleet));
        } catch (RuntimeException e) {
            System.err.println("bench: " + e.getMessage());
            results.context("failure", e.getMessage());
        }
        results.context("minutes", (System.nanoTime() - start) / 60e9);
        results.write(out.resolve("results.json"));
        System.out.println("\n" + results.table());
        System.out.println("Written to " + out.resolve("results.json"));
    }

    /**
     * Runs one part, once the machine has settled from the one before (and the stack's databases are vacuumed); a part that fails is reported and the others
     * still run.
     */
    private static void phase(Target target, String name, Runnable part) {
        System.out.println("\n== " + name + " (" + Instant.now() + ")");
        System.out.println("  " + target.settle());
        try {
            part.run();
        } catch (RuntimeException e) {
            System.out.println("  FAILED: " + e.getMessage());
        }
    }

    private static void describeMachine(Results results, BenchOptions options) {
        results.context("processors", Runtime.getRuntime().availableProcessors());
        results.context("memory", memTotal());
        results.context("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        results.context("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        results.context("startedAt", Instant.now().toString());
        results.context("options", options.toString());
        System.out.println("Benchmark: " + options);
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .map(line -> line.replaceAll("\\s+", " ")).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
