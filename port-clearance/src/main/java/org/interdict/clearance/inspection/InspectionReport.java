package org.interdict.clearance.inspection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The officer's outcome of the inspection that followed a decision. */
@Schema(description = "An inspection outcome")
public record InspectionReport(@NotNull InspectionOutcome outcome, @Size(max = 4000) String notes) {
}
