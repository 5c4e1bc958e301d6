package org.interdict.commons.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event waiting in the outbox for the relay to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_key", nullable = false)
    public String key;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String payload;

    @Column(name = "request_id")
    public String requestId;

    /** W3C trace context the event was recorded in (null outside a trace), sent as its Kafka headers. */
    @Column(name = "traceparent")
    public String traceparent;

    @Column(name = "tracestate", columnDefinition = "TEXT")
    public String tracestate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
