package org.interdict.commons.outbox;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.interdict.commons.trace.TraceHeaders;
import org.interdict.commons.web.RequestIds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records an event in the same transaction as the change it describes. Nothing reaches Kafka here: the
 * {@link OutboxRelay} publishes committed events, so a rolled-back change has no event and a committed one always
 * has its event, even when Kafka is down at the time.
 */
@ApplicationScoped
public class Outbox {

    /** The columns {@link #recordAll} writes, in the order it binds them; the id comes from the database. */
    private static final String INSERT = "INSERT INTO outbox_event "
            + "(event_id, topic, event_key, event_type, payload, request_id, traceparent, tracestate, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * An event to record: see {@link #record(String, String, String, UUID, Object)} for its parts. It carries the
     * request id and trace context of the thread that made it, so an entry handed to another thread to record (a
     * group commit) still names the request that caused it.
     */
    public record Entry(String topic, String key, String type, UUID eventId, Object payload, String requestId,
            TraceHeaders trace) {

        public Entry(String topic, String key, String type, UUID eventId, Object payload) {
            this(topic, key, type, eventId, payload, RequestIds.current(), TraceHeaders.current());
        }
    }

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    /**
     * @param key     the Kafka key: events with one key keep their order (a vessel's IMO, a nation's code)
     * @param eventId the event's id, also in its payload, by which consumers skip a redelivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String topic, String key, String type, UUID eventId, Object payload) {
        row(new Entry(topic, key, type, eventId, payload)).persist();
    }

    /**
     * Records these events in their order as one JDBC batch. The id is an IDENTITY column, so Hibernate inserts
     * persisted rows one round trip each: thousands of events (a list import) would spend most of their time on the
     * wire. The database still numbers the rows in the order given, so each key's events keep their order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Entry> entries) {
        List<OutboxEvent> rows = entries.stream().map(this::row).toList();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (OutboxEvent row : rows) {
                    insert.setObject(1, row.eventId);
                    insert.setString(2, row.topic);
                    insert.setString(3, row.key);
                    insert.setString(4, row.type);
                    insert.setString(5, row.payload);
                    insert.setString(6, row.requestId);
                    insert.setString(7, row.traceparent);
                    insert.setString(8, row.tracestate);
                    insert.setObject(9, OffsetDateTime.ofInstant(row.createdAt, ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Events not yet published: the relay's backlog. */
    public long backlog() {
        return OutboxEvent.count();
    }

    private OutboxEvent row(Entry entry) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = entry.eventId();
        event.topic = entry.topic();
        event.key = entry.key();
        event.type = entry.type();
        try {
            event.payload = json.writeValueAsString(entry.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + entry.type() + " cannot be written as JSON", e);
        }
        event.requestId = entry.requestId();
        event.traceparent = entry.trace().traceparent();
        event.tracestate = entry.trace().tracestate();
        event.createdAt = Instant.now();
        return event;
    }
}
