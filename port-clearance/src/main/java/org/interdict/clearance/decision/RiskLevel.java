package org.interdict.clearance.decision;

/** How soon a vessel should be inspected, in the spirit of the Paris MoU ship risk profile. */
public enum RiskLevel {
    HIGH, STANDARD, LOW
}
