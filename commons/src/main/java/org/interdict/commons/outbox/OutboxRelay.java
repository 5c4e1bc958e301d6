package org.interdict.commons.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes committed outbox events to Kafka in the order they were recorded, then deletes them.
 *
 * <p>At least once: a crash between Kafka's acknowledgement and the delete publishes the batch again, and consumers
 * skip event ids they have seen. A PostgreSQL advisory lock lets one relay of several replicas work at a time, which
 * keeps each key's events in order across replicas. While Kafka is down the events wait and nothing is lost.</p>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant shared by a service's replicas; each service has its own database. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    /**
     * The ids as an array computed once, then found by the primary key: as {@code id IN (SELECT ...)}, PostgreSQL,
     * planning on statistics from when the table was nearly empty, joined the whole table against the subquery rerun
     * per row, seconds per batch once a backlog had formed.
     */
    public static final String TAKE_OLDEST = "DELETE FROM outbox_event WHERE id = ANY(ARRAY("
            + "SELECT id FROM outbox_event ORDER BY id LIMIT ?))"
            + " RETURNING id, event_id, topic, event_key, event_type, payload, request_id, traceparent, tracestate";

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxPublisher publisher;

    @Inject
    OutboxConfig config;

    private volatile boolean failing;
    private ScheduledExecutorService executor;

    /** Its own thread, polling at sub-second intervals (finer than the Quarkus scheduler's). */
    void start(@Observes StartupEvent startup) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::relay, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    void relay() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (published == config.batchSize());
            if (failing) {
                LOG.info("Outbox relay publishing again");
                failing = false;
            }
        } catch (Exception e) {
            if (!failing) {
                LOG.warnf("Outbox relay cannot publish yet, events wait in the outbox: %s", rootMessage(e));
                failing = true;
            }
        }
    }

    private int relayBatch() throws Exception {
        Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> batch = takeOldest(config.batchSize());
        if (!batch.isEmpty()) {
            publisher.publish(batch);
        }
        return batch.size();
    }

    /**
     * Deletes the oldest events and answers them in their order, in one statement: the deletion commits only once
     * Kafka has acknowledged them all, and a failure rolls it back. Loading them as managed entities and deleting them
     * by a query of their ids spent a third of the registry's CPU during a list import.
     */
    private List<OutboxEvent> takeOldest(int count) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement take = connection.prepareStatement(TAKE_OLDEST)) {
                take.setInt(1, count);
                List<OutboxEvent> events = new ArrayList<>(count);
                try (ResultSet row = take.executeQuery()) {
                    while (row.next()) {
                        OutboxEvent event = new OutboxEvent();
                        event.id = row.getLong(1);
                        event.eventId = row.getObject(2, UUID.class);
                        event.topic = row.getString(3);
                        event.key = row.getString(4);
                        event.type = row.getString(5);
                        event.payload = row.getString(6);
                        event.requestId = row.getString(7);
                        event.traceparent = row.getString(8);
                        event.tracestate = row.getString(9);
                        events.add(event);
                    }
                }
                // RETURNING follows no order
                events.sort(Comparator.comparingLong(event -> event.id));
                return events;
            }
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
