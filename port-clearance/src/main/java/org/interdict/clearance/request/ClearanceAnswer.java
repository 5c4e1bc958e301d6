package org.interdict.clearance.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.interdict.clearance.decision.Decision;
import org.interdict.clearance.decision.Reason;
import org.interdict.clearance.decision.RiskProfile;
import org.interdict.clearance.replica.ListVersion;

/** The answer to a pre-arrival notice, as given and as kept. */
public record ClearanceAnswer(UUID id, String imo, String name, String flag, String port, Decision decision,
        List<Reason> reasons, RiskProfile riskProfile, ListVersion listVersion, Instant decidedAt) {
}
