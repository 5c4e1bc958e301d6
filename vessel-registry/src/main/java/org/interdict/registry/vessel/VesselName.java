package org.interdict.registry.vessel;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.interdict.registry.identity.SearchNames;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A name a vessel is or was known by, normalised for the trigram index that search uses. */
@Entity
@Table(name = "vessel_name")
public class VesselName extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "imo")
    public Vessel vessel;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String normalized;

    static VesselName of(Vessel vessel, String name) {
        VesselName known = new VesselName();
        known.id = UUID.randomUUID();
        known.vessel = vessel;
        known.name = name;
        known.normalized = SearchNames.normalise(name);
        return known;
    }
}
