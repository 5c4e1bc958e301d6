package org.interdict.registry.vessel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.interdict.commons.validation.VisibleText;

/** A vessel to register: its IMO number (check digit verified), name and flag, and what else is known. */
public record RegisterVessel(
        @NotBlank String imo,
        @NotBlank @VisibleText @Size(max = 300) String name,
        @NotBlank String flag,
        @Pattern(regexp = "\\d{9}", message = "must be 9 digits") String mmsi,
        @Size(max = 20) String callSign,
        @Size(max = 100) String type,
        @Positive Integer grossTonnage,
        @Min(1800) @Max(2100) Integer buildYear,
        @Size(max = 300) String owner,
        @Size(max = 300) String operator) {
}
