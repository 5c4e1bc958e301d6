package org.interdict.clearance.request;

import java.util.EnumMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.interdict.clearance.decision.Decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/** Decisions counted by outcome: {@code clearance_decisions_total{decision="DENY"}}, each at zero from the start. */
@Startup
@Singleton
public class DecisionMetrics {

    private final Map<Decision, Counter> counters = new EnumMap<>(Decision.class);

    @Inject
    DecisionMetrics(MeterRegistry registry) {
        for (Decision decision : Decision.values()) {
            counters.put(decision, Counter.builder("clearance.decisions").description("Clearance decisions by outcome")
                    .tag("decision", decision.name()).register(registry));
        }
    }

    void decided(Decision decision) {
        counters.get(decision).increment();
    }
}
