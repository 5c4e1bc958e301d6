package org.interdict.registry.vessel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.interdict.commons.validation.VisibleText;

/**
 * A change to a vessel: a rename, a reflag, a new owner or operator (the old value goes to history), or corrected
 * identifiers. Absent fields stay as they are.
 */
public record ChangeVessel(
        @VisibleText @Size(min = 1, max = 300) String name,
        String flag,
        @Pattern(regexp = "\\d{9}", message = "must be 9 digits") String mmsi,
        @Size(max = 20) String callSign,
        @Size(max = 100) String type,
        @Positive Integer grossTonnage,
        @Min(1800) @Max(2100) Integer buildYear,
        @Size(min = 1, max = 300) String owner,
        @Size(min = 1, max = 300) String operator) {
}
