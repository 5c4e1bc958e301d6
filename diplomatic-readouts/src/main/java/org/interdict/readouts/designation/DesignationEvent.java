package org.interdict.readouts.designation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's reading of the registry's {@code registry.designations.v1} events; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DesignationEvent(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, String imo,
        String vesselName, String flag, String designationId, String authority, String reference, LocalDate listedOn,
        String basis, LocalDate delistedOn) {

    public static final String DESIGNATED = "VesselDesignated";
    public static final String DELISTED = "VesselDelisted";

    boolean delisting() {
        return DELISTED.equals(eventType);
    }

    boolean understood() {
        return eventId != null && imo != null && (DESIGNATED.equals(eventType) || DELISTED.equals(eventType));
    }
}
