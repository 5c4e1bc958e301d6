package org.interdict.registry.nomination;

public enum NominationStatus {
    PENDING, APPROVED, REJECTED
}
