package org.interdict.registry.support;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.interdict.commons.membership.Membership;
import org.interdict.commons.membership.NationMembershipEvent;

import io.quarkus.runtime.StartupEvent;

/** The seed's membership, as the gateway's nations topic would deliver it: CHN and RUS are partners, not members. */
@ApplicationScoped
public class SeededMembership {

    @Inject
    Membership membership;

    void seed(@Observes StartupEvent startup) {
        for (String member : new String[] {"CAN", "USA", "KOR", "JPN", "GBR", "FRA", "IND"}) {
            apply(member, true, "ACTIVE");
        }
        apply("CHN", false, "ACTIVE");
        apply("RUS", false, "ACTIVE");
        apply("GRC", true, "SUSPENDED");
    }

    private void apply(String code, boolean member, String status) {
        membership.apply(new NationMembershipEvent(UUID.randomUUID(), "NationMembership", 1, Instant.now(), code, code,
                member, status, 1));
    }
}
