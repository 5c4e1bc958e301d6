package org.interdict.clearance.support;

import java.time.Instant;
import java.util.UUID;

import org.interdict.commons.membership.Membership;
import org.interdict.commons.membership.NationMembershipEvent;

/** Seeds the membership replica as the gateway's nations topic would: members, a non-member, a suspended member. */
public final class Nations {

    private Nations() {
    }

    public static void seed(Membership membership) {
        nation(membership, "KOR", true, "ACTIVE");
        nation(membership, "CAN", true, "ACTIVE");
        nation(membership, "USA", true, "ACTIVE");
        nation(membership, "CHN", false, "ACTIVE");
        nation(membership, "GBR", true, "SUSPENDED");
    }

    private static void nation(Membership membership, String code, boolean member, String status) {
        membership.apply(new NationMembershipEvent(UUID.randomUUID(), "NationMembership", 1, Instant.now(), code, code,
                member, status, 1_000_000));
    }
}
