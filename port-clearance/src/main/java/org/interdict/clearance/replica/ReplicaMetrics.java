package org.interdict.clearance.replica;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/** The replica's size and how current it is, as gauges. */
@ApplicationScoped
public class ReplicaMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    SanctionsPicture picture;

    void register(@Observes StartupEvent startup) {
        Gauge.builder("clearance.replica.vessels", picture, SanctionsPicture::size)
                .description("Vessels in the replica").strongReference(true).register(registry);
        Gauge.builder("clearance.replica.designated", picture, SanctionsPicture::designatedCount)
                .description("Designated vessels in the replica").strongReference(true).register(registry);
        Gauge.builder("clearance.replica.version", picture, p -> p.listVersion().replicaVersion())
                .description("Highest vessel version the replica has applied").strongReference(true).register(registry);
        Gauge.builder("clearance.replica.lag", picture, ReplicaMetrics::lag)
                .description("Versions the registry announced in its last heartbeat that the replica has not applied")
                .strongReference(true).register(registry);
        Gauge.builder("clearance.data.age", picture, ReplicaMetrics::age).baseUnit("seconds")
                .description("Time since the registry last vouched for the data (NaN before its first heartbeat)")
                .strongReference(true).register(registry);
    }

    private static double lag(SanctionsPicture picture) {
        ListVersion version = picture.listVersion();
        return version.registryVersion() == null ? Double.NaN
                : Math.max(0, version.registryVersion() - version.replicaVersion());
    }

    private static double age(SanctionsPicture picture) {
        Instant heartbeatAt = picture.listVersion().heartbeatAt();
        return heartbeatAt == null ? Double.NaN : Duration.between(heartbeatAt, Instant.now()).toMillis() / 1000.0;
    }
}
