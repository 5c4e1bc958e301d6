package org.interdict.readouts.readout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A readout as one viewer may see it. {@code supersedes} and {@code supersededBy} name only readouts the viewer may
 * know of; {@code releasableTo} is shown to the author's nation and admins only, because a recipient has no need to
 * know who else received it.
 */
public record ReadoutView(UUID id, String title, LocalDate meetingDate, String body, Tlp tlp, String authorNation,
        String author, Instant publishedAt, UUID supersedes, List<UUID> supersededBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> releasableTo) {
}
