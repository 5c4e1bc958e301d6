package org.interdict.readouts.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A readout to POST to one webhook, until it succeeds or its retry time runs out. */
@Entity
@Table(name = "webhook_job")
public class WebhookJob extends PanacheEntityBase {

    public enum State {
        PENDING, DONE, ABANDONED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "webhook_id", nullable = false)
    public UUID webhookId;

    @Column(name = "readout_id", nullable = false)
    public UUID readoutId;

    @Column(nullable = false)
    public String nation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
}
