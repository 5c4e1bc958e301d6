package org.interdict.clearance.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.interdict.clearance.replica.VesselStatusEvent;
import org.interdict.clearance.replica.VesselStatusEvent.Designation;
import org.interdict.clearance.replica.VesselStatusEvent.Incident;
import org.interdict.clearance.replica.VesselStatusEvent.PastFlag;
import org.interdict.clearance.replica.VesselStatusEvent.PastName;

/** Builds the registry's vessel statuses for tests: a plain general cargo ship unless told otherwise. */
public final class Vessels {

    private final String imo;
    private long version = 1;
    private String name = "EVER FAIR";
    private String flag = "KOR";
    private String mmsi;
    private String type = "General cargo";
    private Integer buildYear = Instant.now().atZone(java.time.ZoneOffset.UTC).getYear() - 3;
    private final List<PastName> pastNames = new ArrayList<>();
    private final List<PastFlag> pastFlags = new ArrayList<>();
    private final List<Designation> designations = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();
    private final List<String> riskSignals = new ArrayList<>();

    private Vessels(String imo) {
        this.imo = imo;
    }

    public static Vessels vessel(String imo) {
        return new Vessels(imo);
    }

    public Vessels version(long version) {
        this.version = version;
        return this;
    }

    public Vessels name(String name) {
        this.name = name;
        return this;
    }

    public Vessels flag(String flag) {
        this.flag = flag;
        return this;
    }

    public Vessels mmsi(String mmsi) {
        this.mmsi = mmsi;
        return this;
    }

    public Vessels type(String type) {
        this.type = type;
        return this;
    }

    public Vessels builtIn(Integer year) {
        this.buildYear = year;
        return this;
    }

    public Vessels designated(String authority, String reference) {
        designations.add(new Designation(UUID.randomUUID().toString(), authority, reference,
                Instant.parse("2018-03-30T00:00:00Z"), "UNSCR 2397", null));
        return this;
    }

    public Vessels delisted(String authority, String reference) {
        designations.add(new Designation(UUID.randomUUID().toString(), authority, reference,
                Instant.parse("2018-03-30T00:00:00Z"), "UNSCR 2397", Instant.parse("2020-01-01T00:00:00Z")));
        return this;
    }

    public Vessels pastName(String pastName, Instant until) {
        pastNames.add(new PastName(pastName, until.minusSeconds(86_400L * 700), until, "UN"));
        return this;
    }

    public Vessels pastFlag(String pastFlag, Instant until) {
        pastFlags.add(new PastFlag(pastFlag, until.minusSeconds(86_400L * 700), until, "UN"));
        return this;
    }

    public Vessels incident(String incidentType, Instant at) {
        incidents.add(new Incident(UUID.randomUUID().toString(), incidentType, at, "East China Sea", null, "JPN"));
        return this;
    }

    public Vessels riskSignal(String code) {
        riskSignals.add(code);
        return this;
    }

    public VesselStatusEvent build() {
        boolean listed = designations.stream().anyMatch(Designation::active);
        return new VesselStatusEvent(UUID.randomUUID(), "VesselStatus", 1, Instant.now(), imo, version, name, flag,
                mmsi, null, type, 2500.0, buildYear, "Owner Co", "Operator Co", pastNames, pastFlags, listed,
                designations, incidents, riskSignals);
    }
}
