package org.interdict.clearance.inspection;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The one outcome of the inspection that followed a decision, kept append-only. */
@Entity
@Table(name = "inspection")
public class InspectionRecord extends PanacheEntityBase {

    @Id
    @Column(name = "clearance_id")
    public UUID clearanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionOutcome outcome;

    @Column(columnDefinition = "TEXT")
    public String notes;

    @Column(nullable = false)
    public String username;

    @Column(nullable = false)
    public String nation;

    @Column(name = "inspected_at", nullable = false)
    public Instant inspectedAt;
}
