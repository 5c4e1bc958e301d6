package org.interdict.readouts.readout;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a ministry sends to publish a readout. */
public record PublishReadout(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Schema(description = "ISO date of the meeting; not before 1950, not in the future") LocalDate meetingDate,
        @NotBlank @Size(max = MAX_BODY, message = "must be at most 100000 characters") String body,
        @NotNull @Schema(enumeration = {"CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"}) Tlp tlp,
        @NotEmpty @Size(max = 200) @Schema(description = "ISO 3166-1 alpha-3 codes (checked by the service); "
                + "duplicates are ignored") List<String> releasableTo,
        @Schema(description = "Id of a readout your nation can see that this one corrects") UUID supersedes) {

    public static final int MAX_BODY = 100_000;
}
