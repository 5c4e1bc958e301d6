package org.interdict.commons.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The consumer's side of at-least-once delivery: an event's effect and the record that it was applied commit
 * together, so an event delivered twice takes effect once.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /** Records the event as applied by {@code consumer}; false when it already was (skip it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        return entityManager.createNativeQuery(
                "INSERT INTO processed_event (event_id, consumer) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId).setParameter(2, consumer).executeUpdate() == 1;
    }
}
