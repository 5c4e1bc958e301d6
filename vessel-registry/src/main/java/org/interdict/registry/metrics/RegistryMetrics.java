package org.interdict.registry.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** The registry's figures: vessels, active designations (read when scraped) and imports by list and outcome. */
@ApplicationScoped
public class RegistryMetrics {

    private static final Logger LOG = Logger.getLogger(RegistryMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager entityManager;

    void register(@Observes StartupEvent startup) {
        Gauge.builder("registry.vessels", () -> count("SELECT count(*) FROM vessel"))
                .description("Vessels in the registry").register(registry);
        Gauge.builder("registry.designations.active",
                () -> count("SELECT count(*) FROM designation WHERE delisted_on IS NULL"))
                .description("Designations not delisted").register(registry);
    }

    /** @param outcome {@code imported}, {@code malformed} or {@code too-large} */
    public void imported(String list, String outcome) {
        registry.counter("registry.imports", "list", list, "outcome", outcome).increment();
    }

    private double count(String sql) {
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).doubleValue());
        } catch (RuntimeException e) {
            LOG.debugf("Metric query failed: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
