package org.interdict.registry.designation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.interdict.commons.validation.PlausiblePast;

/** A listing: by UN, OFAC, EU, COALITION or a nation (alpha-3), under a reference such as KPe.072. */
public record NewDesignation(
        @NotBlank String authority,
        @Size(max = 100) String reference,
        @NotNull @PlausiblePast LocalDate listedOn,
        @Size(max = 4000) String basis) {
}
