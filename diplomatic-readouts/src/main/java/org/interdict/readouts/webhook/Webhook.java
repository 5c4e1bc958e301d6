package org.interdict.readouts.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A nation's endpoint for the readouts released to it. */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String nation;

    @Column(nullable = false)
    public String url;

    /** Signs every delivery; shown to the registering ministry once, when created. */
    @Column(nullable = false)
    public String secret;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
