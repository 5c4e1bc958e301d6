package org.interdict.clearance.inspection;

import java.time.Instant;
import java.util.UUID;

import org.interdict.clearance.request.Officer;

/** An inspection outcome as answered. */
public record Inspection(UUID clearanceId, InspectionOutcome outcome, String notes, Instant inspectedAt,
        Officer inspectedBy) {

    public static Inspection of(InspectionRecord record) {
        return new Inspection(record.clearanceId, record.outcome, record.notes, record.inspectedAt,
                new Officer(record.username, record.nation));
    }
}
