package org.interdict.clearance.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code InspectionRecorded} on {@code clearance.inspections.v1}, keyed by IMO: an officer's outcome; the registry
 * turns {@code SEIZED} into a {@code SEIZURE} incident. Schema: {@code schemas/clearance.inspections.v1.schema.json}.
 */
public record InspectionRecorded(UUID eventId, String eventType, int schemaVersion, Instant occurredAt,
        UUID clearanceId, String imo, String port, String outcome, String notes, Instant inspectedAt, String nation) {

    public static final String TOPIC = "clearance.inspections.v1";
    public static final String TYPE = "InspectionRecorded";

    public static InspectionRecorded of(UUID clearanceId, String imo, String port, String outcome, String notes,
            Instant inspectedAt, String nation) {
        return new InspectionRecorded(UUID.randomUUID(), TYPE, 1, inspectedAt, clearanceId, imo, port, outcome, notes,
                inspectedAt, nation);
    }
}
