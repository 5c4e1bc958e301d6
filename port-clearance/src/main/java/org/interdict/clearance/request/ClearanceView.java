package org.interdict.clearance.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.interdict.clearance.decision.Decision;
import org.interdict.clearance.decision.Reason;
import org.interdict.clearance.decision.RiskProfile;
import org.interdict.clearance.inspection.Inspection;
import org.interdict.clearance.replica.ListVersion;

import com.fasterxml.jackson.databind.JsonNode;

/** A past decision: the answer as given, the notice as asked, who asked, and the inspection outcome if any. */
public record ClearanceView(UUID id, String imo, String name, String flag, String port, Decision decision,
        List<Reason> reasons, RiskProfile riskProfile, ListVersion listVersion, Instant decidedAt, JsonNode request,
        Officer requestedBy, Inspection inspection) {

    static ClearanceView of(ClearanceAnswer answer, JsonNode request, Officer requestedBy, Inspection inspection) {
        return new ClearanceView(answer.id(), answer.imo(), answer.name(), answer.flag(), answer.port(),
                answer.decision(), answer.reasons(), answer.riskProfile(), answer.listVersion(), answer.decidedAt(),
                request, requestedBy, inspection);
    }
}
