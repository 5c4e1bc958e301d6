package org.interdict.registry.nomination;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record NominationView(UUID id, String imo, String vesselName, String nation, String nominatedBy,
        String evidence, NominationStatus status, List<EndorsementView> endorsements, Instant createdAt,
        Instant decidedAt, String decidedBy, String reason, UUID designationId) {

    public record EndorsementView(String nation, String endorsedBy, String comment, Instant endorsedAt) {
    }

    static NominationView of(Nomination n) {
        return new NominationView(n.id, n.vessel.imo, n.vessel.name, n.nation, n.nominatedBy, n.evidence, n.status,
                n.endorsements.stream().map(e -> new EndorsementView(e.nation, e.endorsedBy, e.comment, e.endorsedAt))
                        .toList(),
                n.createdAt, n.decidedAt, n.decidedBy, n.reason, n.designationId);
    }
}
