package org.interdict.registry.vessel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.interdict.registry.designation.Designation;
import org.interdict.registry.identity.MaritimeIdentificationDigits;
import org.interdict.registry.identity.SearchNames;
import org.interdict.registry.incident.Incident;
import org.interdict.registry.vessel.PastIdentity.Attribute;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A vessel, known for life by its IMO number. Its name, flag, owner and operator change; each old value is kept with
 * its dates and the nation that reported the change.
 */
@Entity
@Table(name = "vessel")
public class Vessel extends PanacheEntityBase {

    public static final String MMSI_MID_MISMATCH = "MMSI_MID_MISMATCH";

    @Id
    public String imo;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_since")
    public Instant nameSince;

    /** ISO 3166-1 alpha-3; null when no list knows it. */
    public String flag;

    @Column(name = "flag_since")
    public Instant flagSince;

    public String mmsi;

    @Column(name = "call_sign")
    public String callSign;

    @Column(name = "vessel_type")
    public String type;

    @Column(name = "gross_tonnage")
    public Integer grossTonnage;

    @Column(name = "build_year")
    public Integer buildYear;

    public String owner;

    @Column(name = "owner_since")
    public Instant ownerSince;

    public String operator;

    @Column(name = "operator_since")
    public Instant operatorSince;

    /** Grows with every change of the vessel's status; see {@code RegistryEvents}. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "vessel", cascade = CascadeType.ALL)
    @OrderBy("recordedAt, id")
    public List<PastIdentity> pastIdentities = new ArrayList<>();

    @OneToMany(mappedBy = "vessel", cascade = CascadeType.ALL)
    public List<VesselName> names = new ArrayList<>();

    @OneToMany(mappedBy = "vessel", cascade = CascadeType.ALL)
    @OrderBy("recordedAt, id")
    public List<Designation> designations = new ArrayList<>();

    @OneToMany(mappedBy = "vessel", cascade = CascadeType.ALL)
    @OrderBy("occurredAt, id")
    public List<Incident> incidents = new ArrayList<>();

    public static Optional<Vessel> find(String imo) {
        return findByIdOptional(imo);
    }

    /** A new vessel with its first name; the caller sets the other identifiers. */
    public static Vessel named(String imo, String name, Instant now) {
        Vessel vessel = new Vessel();
        vessel.imo = imo;
        vessel.name = name;
        vessel.nameSince = now;
        vessel.createdAt = now;
        vessel.updatedAt = now;
        vessel.names.add(VesselName.of(vessel, name));
        return vessel;
    }

    public boolean rename(String newName, String reportedBy, Instant at) {
        if (newName == null || newName.equals(name)) {
            return false;
        }
        remember(Attribute.NAME, name, nameSince, reportedBy, at);
        name = newName;
        nameSince = at;
        addSearchName(newName);
        return true;
    }

    public boolean reflag(String newFlag, String reportedBy, Instant at) {
        if (newFlag == null || newFlag.equals(flag)) {
            return false;
        }
        remember(Attribute.FLAG, flag, flagSince, reportedBy, at);
        flag = newFlag;
        flagSince = at;
        return true;
    }

    public boolean changeOwner(String newOwner, String reportedBy, Instant at) {
        if (newOwner == null || newOwner.equals(owner)) {
            return false;
        }
        remember(Attribute.OWNER, owner, ownerSince, reportedBy, at);
        owner = newOwner;
        ownerSince = at;
        return true;
    }

    public boolean changeOperator(String newOperator, String reportedBy, Instant at) {
        if (newOperator == null || newOperator.equals(operator)) {
            return false;
        }
        remember(Attribute.OPERATOR, operator, operatorSince, reportedBy, at);
        operator = newOperator;
        operatorSince = at;
        return true;
    }

    /** A former name from a list (an f.k.a.): a past name without dates, unless the vessel already has it. */
    public boolean knownAs(String alias, String reportedBy, Instant now) {
        if (alias == null || alias.isBlank() || alias.equals(name) || past(Attribute.NAME).stream()
                .anyMatch(known -> known.value.equals(alias))) {
            return false;
        }
        pastIdentities.add(PastIdentity.of(this, Attribute.NAME, alias, null, null, reportedBy, now));
        addSearchName(alias);
        return true;
    }

    /** Sets the identifiers that keep no history; a null leaves a value as it is. True when something changed. */
    public boolean describe(String newMmsi, String newCallSign, String newType, Integer newGrossTonnage,
            Integer newBuildYear) {
        boolean changed = false;
        if (newMmsi != null && !newMmsi.equals(mmsi)) {
            mmsi = newMmsi;
            changed = true;
        }
        if (newCallSign != null && !newCallSign.equals(callSign)) {
            callSign = newCallSign;
            changed = true;
        }
        if (newType != null && !newType.equals(type)) {
            type = newType;
            changed = true;
        }
        if (newGrossTonnage != null && !newGrossTonnage.equals(grossTonnage)) {
            grossTonnage = newGrossTonnage;
            changed = true;
        }
        if (newBuildYear != null && !newBuildYear.equals(buildYear)) {
            buildYear = newBuildYear;
            changed = true;
        }
        return changed;
    }

    public List<PastIdentity> past(Attribute attribute) {
        return pastIdentities.stream().filter(past -> past.attribute == attribute).toList();
    }

    /** Lists the vessel; the caller records the events. */
    public Designation designate(String authority, String reference, LocalDate listedOn, String basis,
            String recordedBy, Instant now) {
        Designation designation = Designation.of(this, authority, reference, listedOn, basis, recordedBy, now);
        designations.add(designation);
        return designation;
    }

    public boolean designated() {
        return designations.stream().anyMatch(Designation::active);
    }

    public Optional<Designation> activeDesignation(String authority, String reference) {
        return designations.stream().filter(d -> d.active() && d.sameListing(authority, reference)).findFirst();
    }

    /** Signs of evasion visible in the vessel's own identifiers. */
    public List<String> riskSignals() {
        List<String> signals = new ArrayList<>();
        MaritimeIdentificationDigits.country(mmsi).filter(country -> flag != null && !country.equals(flag))
                .ifPresent(country -> signals.add(MMSI_MID_MISMATCH));
        return signals;
    }

    private void remember(Attribute attribute, String oldValue, Instant since, String reportedBy, Instant at) {
        if (oldValue != null) {
            pastIdentities.add(PastIdentity.of(this, attribute, oldValue, since, at, reportedBy, at));
        }
    }

    private void addSearchName(String newName) {
        String normalized = SearchNames.normalise(newName);
        if (names.stream().noneMatch(known -> known.normalized.equals(normalized))) {
            names.add(VesselName.of(this, newName));
        }
    }
}
