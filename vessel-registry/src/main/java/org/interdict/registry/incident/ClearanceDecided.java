package org.interdict.registry.incident;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** port-clearance's {@code ClearanceDecided} event, the parts the registry keeps. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ClearanceDecided(UUID eventId, String eventType, String clearanceId, String imo, String port,
        String decision, Instant decidedAt, String nation) {
}
