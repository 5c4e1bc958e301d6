package org.interdict.gateway.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One UN 1718 list import of new vessels, timed from the request to the registry's report: the CSV parse, the checks,
 * the vessels, their designations and their outbox events, committed in batches. Straight to vessel-registry: on a
 * slow machine a 10,000-entry import outlasts the gateway's upstream timeout (docs/BENCHMARKS.md).
 */
final class ImportBench {

    private final Seeder seeder;
    private final Target target;
    private final Results results;

    ImportBench(Seeder seeder, Target target, Results results) {
        this.seeder = seeder;
        this.target = target;
        this.results = results;
    }

    /**
     * Imports {@code entries} vessels after the fleet's, so that every one of them is created; after an untimed import
     * of as many others, since every other figure is taken on warmed code too (the registry's import path runs
     * nowhere else in the benchmark).
     */
    void run(Fleet fleet, int imoBase, int entries) {
        seeder.importList(target.registry, newVessels(imoBase + fleet.size() + entries, entries));
        // The untimed import's events are still being relayed and consumed for a while.
        System.out.println("  " + target.settle());
        List<Fleet.Vessel> vessels = newVessels(imoBase + fleet.size(), entries);
        CpuMeter.Reading before = CpuMeter.read();
        long start = System.nanoTime();
        Map<?, ?> report = seeder.importList(target.registry, vessels);
        double seconds = (System.nanoTime() - start) / 1e9;
        String cpu = CpuMeter.per(before, CpuMeter.read(), entries, "entry");
        results.aim("import", "UN 1718 list of " + String.format("%,d", entries) + " new entries", entries / seconds,
                "entries/s", 5_000, true, String.format("%.1f s straight to vessel-registry, after an untimed import of "
                        + "as many; created %s, updated %s, unchanged %s; %s", seconds, report.get("created"),
                        report.get("updated"), report.get("unchanged"), cpu));
    }

    private static List<Fleet.Vessel> newVessels(int imoBase, int entries) {
        Fleet list = new Fleet(imoBase, entries, entries);
        return IntStream.range(0, entries).mapToObj(list::vessel).toList();
    }
}
