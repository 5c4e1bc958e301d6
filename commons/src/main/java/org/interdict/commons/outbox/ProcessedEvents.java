package org.interdict.commons.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

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

    /**
     * {@link #firstDelivery} for a consumer's whole poll in one statement: records the events as applied and answers
     * those that were not yet (the others are redeliveries: skip them).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(Collection<UUID> eventIds, String consumer) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_event"
                    + " (event_id, consumer) SELECT unnest(?), ? ON CONFLICT DO NOTHING RETURNING event_id")) {
                insert.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
                insert.setString(2, consumer);
                Set<UUID> first = new HashSet<>();
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        first.add(inserted.getObject(1, UUID.class));
                    }
                }
                return first;
            }
        });
    }
}
