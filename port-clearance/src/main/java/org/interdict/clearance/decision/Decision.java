package org.interdict.clearance.decision;

/** The answer to a pre-arrival notice, from least to most severe. */
public enum Decision {
    CLEAR, INSPECT, DENY
}
