package org.interdict.registry.incident;

import java.time.Instant;
import java.util.UUID;

public record IncidentView(UUID id, String imo, IncidentType type, Instant occurredAt, String location,
        String counterpartImo, String description, String reportingNation, String reportedBy, Instant recordedAt) {

    public static IncidentView of(Incident i) {
        return new IncidentView(i.id, i.vessel.imo, i.type, i.occurredAt, i.location, i.counterpartImo, i.description,
                i.reportingNation, i.reportedBy, i.recordedAt);
    }
}
