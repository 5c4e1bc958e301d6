package org.interdict.clearance.decision;

import java.util.List;

import org.interdict.clearance.replica.ListVersion;

/** What the decider concludes about a notice, and on which data. */
public record Verdict(Decision decision, List<Reason> reasons, RiskProfile riskProfile, ListVersion listVersion) {
}
