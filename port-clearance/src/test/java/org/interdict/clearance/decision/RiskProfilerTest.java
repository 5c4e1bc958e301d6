package org.interdict.clearance.decision;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.interdict.clearance.support.Vessels.vessel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.interdict.clearance.decision.RiskProfile.Factor;
import org.interdict.clearance.replica.Vessel;
import org.interdict.clearance.support.Imos;
import org.junit.jupiter.api.Test;

class RiskProfilerTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    final RiskProfiler profiler = new RiskProfiler(Set.of("PRK", "TGO"));
    final String imo = Imos.next();

    PreArrivalNotice notice(String flag) {
        return new PreArrivalNotice(imo, "EVER FAIR", flag, null, "KRPUS", NOW, List.of(), List.of(), null);
    }

    @Test
    void ratesAYoungCleanCargoShipLow() {
        RiskProfile profile = profiler.assess(notice("KOR"), Optional.of(Vessel.of(vessel(imo).builtIn(2020).build())),
                List.of(), NOW);
        assertEquals(RiskLevel.LOW, profile.level());
        assertEquals(0, profile.points());
        assertThat(profile.factors(), empty());
    }

    @Test
    void ratesAnOldTankerUnderABlackListedFlagWithHistoryHighAndShowsThePoints() {
        Vessel tanker = Vessel.of(vessel(imo).type("Oil tanker").builtIn(1998).flag("TGO")
                .incident("SHIP_TO_SHIP_TRANSFER", NOW.minus(Duration.ofDays(400)))
                .pastName("OLD NAME", NOW.minus(Duration.ofDays(200))).build());
        RiskProfile profile = profiler.assess(notice("TGO"), Optional.of(tanker), List.of(), NOW);
        assertEquals(RiskLevel.HIGH, profile.level());
        assertThat(profile.factors().stream().map(Factor::code).toList(), containsInAnyOrder("FLAG", "SHIP_TYPE", "AGE", "INCIDENTS", "IDENTITY_CHANGES"));
        assertEquals(2 + 2 + 2 + 1 + 1, profile.points());
        assertEquals(profile.factors().stream().mapToInt(Factor::points).sum(), profile.points());
    }

    @Test
    void ratesAnUnknownVesselStandard() {
        RiskProfile profile = profiler.assess(notice("KOR"), Optional.empty(), List.of(), NOW);
        assertEquals(RiskLevel.STANDARD, profile.level());
        assertThat(profile.factors().stream().map(Factor::code).toList(), contains("UNKNOWN_VESSEL"));
    }

    @Test
    void ratesADesignatedVesselHigh() {
        RiskProfile profile = profiler.assess(notice("KOR"), Optional.of(Vessel.of(vessel(imo).builtIn(2020).build())),
                List.of(Reason.of(ReasonCode.DESIGNATED_VESSEL, "designated")), NOW);
        assertEquals(RiskLevel.HIGH, profile.level());
    }

    @Test
    void weighsTheNoticesOwnSignals() {
        RiskProfile profile = profiler.assess(notice("KOR"), Optional.of(Vessel.of(vessel(imo).builtIn(2020).build())),
                List.of(Reason.of(ReasonCode.DPRK_PORT_CALL, "x"), Reason.of(ReasonCode.SANCTIONS_DATA_STALE, "y")), NOW);
        assertEquals(RiskLevel.STANDARD, profile.level());
        assertThat(profile.factors(), contains(new Factor("NOTICE_SIGNALS", 1, "1 risk signal(s) in the notice")));
    }
}
