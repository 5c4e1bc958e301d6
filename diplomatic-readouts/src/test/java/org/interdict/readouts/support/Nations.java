package org.interdict.readouts.support;

import java.time.Instant;
import java.util.UUID;

import org.interdict.commons.membership.Membership;
import org.interdict.commons.membership.NationMembershipEvent;

/** The test coalition, fed to the membership replica as the gateway's events would (membership is data, not code). */
public final class Nations {

    private Nations() {
    }

    public static void seed(Membership membership) {
        for (String member : new String[] {"CAN", "USA", "KOR", "JPN", "GBR", "FRA", "IND", "AUS", "NZL", "NOR"}) {
            apply(membership, member, true, "ACTIVE");
        }
        apply(membership, "CHN", false, "ACTIVE");
        apply(membership, "RUS", false, "ACTIVE");
        apply(membership, "PHL", true, "SUSPENDED");
    }

    private static void apply(Membership membership, String code, boolean member, String status) {
        membership.apply(new NationMembershipEvent(UUID.randomUUID(), "NationMembership", 1, Instant.now(), code,
                code, member, status, 1));
    }
}
