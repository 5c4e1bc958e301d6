package org.interdict.registry.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.interdict.registry.designation.Designation;
import org.interdict.registry.incident.Incident;
import org.interdict.registry.vessel.PastIdentity;
import org.interdict.registry.vessel.PastIdentity.Attribute;
import org.interdict.registry.vessel.Vessel;

/**
 * {@code VesselStatus} on {@code registry.vessel-status.v1}: a vessel's whole current status, so that the latest event
 * per IMO rebuilds a replica. Schema: {@code schemas/registry.vessel-status.v1.schema.json}.
 */
public record VesselStatusEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, String imo,
        long version, String name, String flag, String mmsi, String callSign, String type, Integer grossTonnage,
        Integer buildYear, String owner, String operator, List<PastName> pastNames, List<PastFlag> pastFlags,
        boolean designated, List<DesignationState> designations, List<IncidentState> incidents,
        List<String> riskSignals) {

    public static final String TYPE = "VesselStatus";

    public record PastName(String name, Instant from, Instant to, String reportedBy) {
    }

    public record PastFlag(String flag, Instant from, Instant to, String reportedBy) {
    }

    public record DesignationState(UUID id, String authority, String reference, LocalDate listedOn, String basis,
            LocalDate delistedOn) {

        static DesignationState of(Designation d) {
            return new DesignationState(d.id, d.authority, d.reference, d.listedOn, d.basis, d.delistedOn);
        }
    }

    public record IncidentState(UUID id, String type, Instant occurredAt, String location, String counterpartImo,
            String reportingNation) {

        static IncidentState of(Incident i) {
            return new IncidentState(i.id, i.type.name(), i.occurredAt, i.location, i.counterpartImo,
                    i.reportingNation);
        }
    }

    public static VesselStatusEvent of(Vessel v, Instant now) {
        List<PastIdentity> names = v.past(Attribute.NAME);
        List<PastIdentity> flags = v.past(Attribute.FLAG);
        return new VesselStatusEvent(UUID.randomUUID(), TYPE, 1, now, v.imo, v.version, v.name, v.flag, v.mmsi,
                v.callSign, v.type, v.grossTonnage, v.buildYear, v.owner, v.operator,
                names.stream().map(p -> new PastName(p.value, p.validFrom, p.validTo, p.reportedBy)).toList(),
                flags.stream().map(p -> new PastFlag(p.value, p.validFrom, p.validTo, p.reportedBy)).toList(),
                v.designated(), v.designations.stream().map(DesignationState::of).toList(),
                v.incidents.stream().map(IncidentState::of).toList(), v.riskSignals());
    }
}
