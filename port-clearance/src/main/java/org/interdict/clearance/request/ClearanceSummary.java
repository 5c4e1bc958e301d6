package org.interdict.clearance.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.interdict.clearance.inspection.InspectionOutcome;

/** A past decision in a list: enough to pick one out, without its full answer. */
public record ClearanceSummary(UUID id, String imo, String name, String flag, String port, String decision,
        List<String> reasonCodes, String riskProfile, Instant decidedAt, Officer requestedBy,
        InspectionOutcome inspectionOutcome) {
}
