package org.interdict.registry.vessel;

import java.time.Instant;
import java.util.List;

import org.interdict.registry.designation.DesignationView;
import org.interdict.registry.events.VesselStatusEvent.PastFlag;
import org.interdict.registry.events.VesselStatusEvent.PastName;
import org.interdict.registry.incident.IncidentView;
import org.interdict.registry.incident.PortCallView;
import org.interdict.registry.vessel.PastIdentity.Attribute;

/** A vessel with its identity history, designations, incidents and port-call attempts. */
public record VesselView(String imo, String name, String flag, String mmsi, String callSign, String type,
        Integer grossTonnage, Integer buildYear, String owner, String operator, long version, boolean designated,
        List<String> riskSignals, List<PastName> pastNames, List<PastFlag> pastFlags, List<PastHolder> pastOwners,
        List<PastHolder> pastOperators, List<DesignationView> designations, List<IncidentView> incidents,
        List<PortCallView> portCalls, Instant createdAt, Instant updatedAt) {

    /** A former owner or operator. */
    public record PastHolder(String holder, Instant from, Instant to, String reportedBy) {
    }

    public static VesselView of(Vessel v, List<PortCallView> portCalls) {
        return new VesselView(v.imo, v.name, v.flag, v.mmsi, v.callSign, v.type, v.grossTonnage, v.buildYear, v.owner,
                v.operator, v.version, v.designated(), v.riskSignals(),
                v.past(Attribute.NAME).stream().map(p -> new PastName(p.value, p.validFrom, p.validTo, p.reportedBy))
                        .toList(),
                v.past(Attribute.FLAG).stream().map(p -> new PastFlag(p.value, p.validFrom, p.validTo, p.reportedBy))
                        .toList(),
                holders(v, Attribute.OWNER), holders(v, Attribute.OPERATOR),
                v.designations.stream().map(DesignationView::of).toList(),
                v.incidents.stream().map(IncidentView::of).toList(), portCalls, v.createdAt, v.updatedAt);
    }

    private static List<PastHolder> holders(Vessel v, Attribute attribute) {
        return v.past(attribute).stream().map(p -> new PastHolder(p.value, p.validFrom, p.validTo, p.reportedBy))
                .toList();
    }
}
