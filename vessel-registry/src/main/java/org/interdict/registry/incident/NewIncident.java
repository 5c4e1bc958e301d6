package org.interdict.registry.incident;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.interdict.commons.validation.PlausiblePast;

/** An incident to report; the reporting nation is the caller's. */
public record NewIncident(
        @NotBlank String imo,
        @NotNull IncidentType type,
        @NotNull @PlausiblePast Instant occurredAt,
        @NotBlank @Size(max = 300) String location,
        String counterpartImo,
        @Size(max = 20000) String description) {
}
