package org.interdict.clearance.request;

import java.util.EnumMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.interdict.clearance.decision.Decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Decisions counted by outcome: {@code clearance_decisions_total{decision="DENY"}}, each at zero from the start. And
 * how they are kept: {@code clearance_journal_batch_decisions} counts commits ({@code _count}) and the decisions they
 * wrote ({@code _sum}), so decisions per commit show group commit at work; {@code clearance_journal_queued} those
 * waiting for the next one.
 */
@Startup
@Singleton
public class DecisionMetrics {

    private final Map<Decision, Counter> counters = new EnumMap<>(Decision.class);
    private final DistributionSummary batches;
    private final MeterRegistry registry;

    @Inject
    DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Decision decision : Decision.values()) {
            counters.put(decision, Counter.builder("clearance.decisions").description("Clearance decisions by outcome")
                    .tag("decision", decision.name()).register(registry));
        }
        batches = DistributionSummary.builder("clearance.journal.batch").baseUnit("decisions")
                .description("Decisions written per commit").register(registry);
    }

    void decided(Decision decision) {
        counters.get(decision).increment();
    }

    void committed(int decisions) {
        batches.record(decisions);
    }

    void watch(GroupCommit<?> journal) {
        Gauge.builder("clearance.journal.queued", journal, GroupCommit::queued)
                .description("Decisions waiting to be written").register(registry);
    }
}
