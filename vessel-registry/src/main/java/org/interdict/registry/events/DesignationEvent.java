package org.interdict.registry.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.interdict.registry.designation.Designation;
import org.interdict.registry.vessel.Vessel;

/**
 * {@code VesselDesignated} or {@code VesselDelisted} on {@code registry.designations.v1}: one event per listing or
 * delisting. Schema: {@code schemas/registry.designations.v1.schema.json}.
 */
public record DesignationEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, String imo,
        String vesselName, String flag, UUID designationId, String authority, String reference, LocalDate listedOn,
        String basis, LocalDate delistedOn) {

    public static final String DESIGNATED = "VesselDesignated";
    public static final String DELISTED = "VesselDelisted";

    public static DesignationEvent of(Vessel vessel, Designation d, Instant now) {
        return new DesignationEvent(UUID.randomUUID(), d.active() ? DESIGNATED : DELISTED, 1, now, vessel.imo,
                vessel.name, vessel.flag, d.id, d.authority, d.reference, d.listedOn, d.basis, d.delistedOn);
    }
}
