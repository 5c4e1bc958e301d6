package org.interdict.registry.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.interdict.registry.vessel.Vessel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something a partner nation saw a vessel do: a transfer at sea, a seizure, a dark period. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "imo")
    public Vessel vessel;

    @Enumerated(EnumType.STRING)
    @Column(name = "incident_type", nullable = false)
    public IncidentType type;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String location;

    @Column(name = "counterpart_imo")
    public String counterpartImo;

    public String description;

    @Column(name = "reporting_nation", nullable = false)
    public String reportingNation;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
