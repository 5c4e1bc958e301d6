package org.interdict.clearance.replica;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.interdict.clearance.time.DateOrInstant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * This service's reading of the registry's {@code VesselStatus} event on {@code registry.vessel-status.v1}: a vessel's
 * whole current status with a per-vessel version that only grows. Fields it does not use are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VesselStatusEvent(UUID eventId, String eventType, Integer schemaVersion, Instant occurredAt, String imo,
        long version, String name, String flag, String mmsi, String callSign, String type, Double grossTonnage,
        Integer buildYear, String owner, String operator, List<PastName> pastNames, List<PastFlag> pastFlags,
        boolean designated, List<Designation> designations, List<Incident> incidents, List<String> riskSignals) {

    public VesselStatusEvent {
        pastNames = pastNames == null ? List.of() : List.copyOf(pastNames);
        pastFlags = pastFlags == null ? List.of() : List.copyOf(pastFlags);
        designations = designations == null ? List.of() : List.copyOf(designations);
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
        riskSignals = riskSignals == null ? List.of() : List.copyOf(riskSignals);
    }

    /** A name the vessel bore before, and when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PastName(String name, @JsonDeserialize(using = DateOrInstant.class) Instant from,
            @JsonDeserialize(using = DateOrInstant.class) Instant to, String reportedBy) {
    }

    /** A flag the vessel flew before, and when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PastFlag(String flag, @JsonDeserialize(using = DateOrInstant.class) Instant from,
            @JsonDeserialize(using = DateOrInstant.class) Instant to, String reportedBy) {
    }

    /** An authority's listing of the vessel; active while {@code delistedOn} is null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Designation(String id, String authority, String reference,
            @JsonDeserialize(using = DateOrInstant.class) Instant listedOn, String basis,
            @JsonDeserialize(using = DateOrInstant.class) Instant delistedOn) {

        public boolean active() {
            return delistedOn == null;
        }
    }

    /** An incident a partner reported on the vessel. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Incident(String id, String type, @JsonDeserialize(using = DateOrInstant.class) Instant occurredAt,
            String location, String counterpartImo, String reportingNation) {
    }
}
