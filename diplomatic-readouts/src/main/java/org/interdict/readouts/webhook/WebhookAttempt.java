package org.interdict.readouts.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One try at POSTing a readout to a webhook, kept for the author's nation. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "readout_id", nullable = false)
    public UUID readoutId;

    @Column(nullable = false)
    public String nation;

    @Column(name = "webhook_id", nullable = false)
    public UUID webhookId;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    /** The endpoint's HTTP status; empty when it never answered. */
    @Column(name = "status_code")
    public Integer statusCode;

    @Column(nullable = false)
    public String outcome;

    public String error;
}
