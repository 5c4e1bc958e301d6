package org.interdict.clearance.decision;

/** Why a vessel is not simply cleared: stable codes that callers may rely on, each with the decision it forces. */
public enum ReasonCode {
    DESIGNATED_VESSEL(Decision.DENY),
    MMSI_OF_DESIGNATED_VESSEL(Decision.DENY),
    NAME_MISMATCH(Decision.INSPECT),
    FLAG_MISMATCH(Decision.INSPECT),
    PAST_IDENTITY_OF_DESIGNATED_VESSEL(Decision.INSPECT),
    UNKNOWN_VESSEL_RESEMBLES_DESIGNATED(Decision.INSPECT),
    DPRK_PORT_CALL(Decision.INSPECT),
    DECLARED_SHIP_TO_SHIP_TRANSFER(Decision.INSPECT),
    TRANSFER_WITH_DESIGNATED_VESSEL(Decision.INSPECT),
    RECENT_INCIDENT(Decision.INSPECT),
    MMSI_FLAG_MISMATCH(Decision.INSPECT),
    RECENT_FLAG_CHANGE(Decision.INSPECT),
    SANCTIONS_DATA_STALE(Decision.INSPECT);

    private final Decision forces;

    ReasonCode(Decision forces) {
        this.forces = forces;
    }

    public Decision forces() {
        return forces;
    }
}
