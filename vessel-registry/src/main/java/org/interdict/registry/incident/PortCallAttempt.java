package org.interdict.registry.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A port's clearance decision about a vessel, as port-clearance announced it. */
@Entity
@Table(name = "port_call_attempt")
public class PortCallAttempt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String imo;

    @Column(name = "clearance_id", nullable = false)
    public String clearanceId;

    @Column(nullable = false)
    public String port;

    @Column(nullable = false)
    public String decision;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public String nation;
}
