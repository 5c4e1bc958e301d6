package org.interdict.registry.nomination;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the nomination endpoints. */
public final class NominationRequests {

    private NominationRequests() {
    }

    public record Nominate(@NotBlank String imo, @NotBlank @Size(max = 20000) String evidence) {
    }

    public record Endorse(@Size(max = 4000) String comment) {
    }

    public record Approve(@Size(max = 4000) String basis) {
    }

    public record Reject(@NotBlank @Size(max = 4000) String reason) {
    }
}
