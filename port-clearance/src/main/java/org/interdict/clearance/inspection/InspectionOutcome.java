package org.interdict.clearance.inspection;

/** What an inspection found; {@code SEIZED} becomes a {@code SEIZURE} incident in the registry. */
public enum InspectionOutcome {
    PASSED, DETAINED, SEIZED
}
