package org.interdict.registry.nomination;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member nation's support for a nomination; one per nation. */
@Entity
@Table(name = "endorsement")
public class Endorsement extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "nomination_id")
    public Nomination nomination;

    @Column(nullable = false)
    public String nation;

    @Column(name = "endorsed_by", nullable = false)
    public String endorsedBy;

    public String comment;

    @Column(name = "endorsed_at", nullable = false)
    public Instant endorsedAt;
}
