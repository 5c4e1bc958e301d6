package org.interdict.registry.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * Sends the heartbeat through the outbox, not straight to Kafka: a stuck outbox then stops the heartbeats too, and
 * consumers see the registry's data as stale.
 */
@ApplicationScoped
public class Heartbeat {

    @Inject
    RegistryEvents events;

    @Scheduled(every = "${interdict.registry.heartbeat-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void beat() {
        events.heartbeat();
    }
}
