package org.interdict.commons.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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

    @Inject
    ObjectMapper json;

    /**
     * @param key     the Kafka key: events with one key keep their order (a vessel's IMO, a nation's code)
     * @param eventId the event's id, also in its payload, by which consumers skip a redelivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String topic, String key, String type, UUID eventId, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = eventId;
        event.topic = topic;
        event.key = key;
        event.type = type;
        try {
            event.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + type + " cannot be written as JSON", e);
        }
        event.requestId = RequestIds.current();
        TraceHeaders trace = TraceHeaders.current();
        event.traceparent = trace.traceparent();
        event.tracestate = trace.tracestate();
        event.createdAt = Instant.now();
        event.persist();
    }

    /** Events not yet published: the relay's backlog. */
    public long backlog() {
        return OutboxEvent.count();
    }
}
