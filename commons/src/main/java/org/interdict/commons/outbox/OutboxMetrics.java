package org.interdict.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** {@code outbox_backlog}: events committed but not yet published. It grows while Kafka is unreachable. */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    Outbox outbox;

    void register(@Observes StartupEvent startup, MeterRegistry registry) {
        Gauge.builder("outbox.backlog", this, metrics -> metrics.backlog())
                .description("Outbox events waiting to be published to Kafka")
                .register(registry);
    }

    private double backlog() {
        try {
            return QuarkusTransaction.requiringNew().call(outbox::backlog);
        } catch (RuntimeException e) {
            return Double.NaN; // the database is unreachable: unknown, not zero
        }
    }
}
