package org.interdict.clearance.decision;

import java.util.List;

/** A vessel's risk profile with the points that make it up, so an officer sees why. */
public record RiskProfile(RiskLevel level, int points, List<Factor> factors) {

    /** One weighed signal. */
    public record Factor(String code, int points, String detail) {
    }
}
