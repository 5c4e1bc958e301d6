package org.interdict.commons.membership;

/** A nation as the membership replica knows it. */
public record Nation(String code, String name, boolean member, String status, long version) {

    public static final String ACTIVE = "ACTIVE";
    public static final String SUSPENDED = "SUSPENDED";

    public boolean active() {
        return ACTIVE.equals(status);
    }

    /** A coalition member in good standing: may act on the registry and clearance. */
    public boolean activeMember() {
        return member && active();
    }
}
