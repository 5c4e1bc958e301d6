package org.interdict.registry.designation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.interdict.registry.vessel.Vessel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An authority's listing of a vessel; delisting ends it but keeps the record. */
@Entity
@Table(name = "designation")
public class Designation extends PanacheEntityBase {

    public static final String UN = "UN";
    public static final String OFAC = "OFAC";
    public static final String COALITION = "COALITION";

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "imo")
    public Vessel vessel;

    @Column(nullable = false)
    public String authority;

    public String reference;

    @Column(name = "listed_on")
    public LocalDate listedOn;

    public String basis;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "delisted_on")
    public LocalDate delistedOn;

    @Column(name = "delisted_by")
    public String delistedBy;

    public static Designation of(Vessel vessel, String authority, String reference, LocalDate listedOn, String basis,
            String recordedBy, Instant now) {
        Designation designation = new Designation();
        designation.id = UUID.randomUUID();
        designation.vessel = vessel;
        designation.authority = authority;
        designation.reference = reference;
        designation.listedOn = listedOn;
        designation.basis = basis;
        designation.recordedBy = recordedBy;
        designation.recordedAt = now;
        return designation;
    }

    public boolean active() {
        return delistedOn == null;
    }

    /** The same listing: one authority's designation under one reference. */
    public boolean sameListing(String authority, String reference) {
        return this.authority.equals(authority) && Objects.equals(this.reference, reference);
    }

    public void delist(LocalDate on, String by) {
        delistedOn = on;
        delistedBy = by;
    }
}
