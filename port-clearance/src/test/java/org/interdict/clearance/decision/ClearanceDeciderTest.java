package org.interdict.clearance.decision;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.interdict.clearance.support.Vessels.vessel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.interdict.clearance.decision.PreArrivalNotice.DeclaredTransfer;
import org.interdict.clearance.decision.PreArrivalNotice.PortCall;
import org.interdict.clearance.replica.RegistryHeartbeatEvent;
import org.interdict.clearance.replica.SanctionsPicture;
import org.interdict.clearance.support.Imos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule of the decision, shown both ways: the signal present gives its reason; absent, it does not. */
class ClearanceDeciderTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Duration DAY = Duration.ofDays(1);

    final ClearanceDecider decider = new ClearanceDecider(Duration.ofMinutes(5), new RiskProfiler(Set.of("PRK")));
    SanctionsPicture picture;
    String imo;

    @BeforeEach
    void freshPicture() {
        picture = new SanctionsPicture();
        heartbeat(NOW.minusSeconds(30));
        imo = Imos.next();
    }

    void heartbeat(Instant sentAt) {
        picture.heartbeat(new RegistryHeartbeatEvent(UUID.randomUUID(), "RegistryHeartbeat", 1, sentAt, sentAt, 42L));
    }

    static Notice notice(String imo) {
        return new Notice(imo);
    }

    Verdict decide(Notice notice) {
        return decider.decide(notice.build(), picture, NOW);
    }

    static List<ReasonCode> codes(Verdict verdict) {
        return verdict.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void clearsAKnownVesselWithoutSignals() {
        picture.apply(vessel(imo).build());
        Verdict verdict = decide(notice(imo));
        assertEquals(Decision.CLEAR, verdict.decision());
        assertThat(verdict.reasons(), empty());
        assertEquals(1, verdict.listVersion().replicaVersion());
        assertEquals(NOW.minusSeconds(30), verdict.listVersion().heartbeatAt());
    }

    @Nested
    class DesignatedVessel {

        @Test
        void deniesADesignatedImoNamingAuthorityAndReference() {
            picture.apply(vessel(imo).designated("UN", "KPi.074").build());
            Verdict verdict = decide(notice(imo));
            assertEquals(Decision.DENY, verdict.decision());
            Reason reason = verdict.reasons().get(0);
            assertEquals(ReasonCode.DESIGNATED_VESSEL, reason.code());
            assertEquals("UN", reason.authority());
            assertEquals("KPi.074", reason.reference());
            assertThat(reason.detail(), containsString("UN"));
            assertThat(reason.detail(), containsString("KPi.074"));
            assertThat(reason.detail(), containsString(imo));
        }

        @Test
        void doesNotDenyADelistedVessel() {
            picture.apply(vessel(imo).delisted("UN", "KPi.074").build());
            Verdict verdict = decide(notice(imo));
            assertThat(codes(verdict), not(hasItem(ReasonCode.DESIGNATED_VESSEL)));
            assertEquals(Decision.CLEAR, verdict.decision());
        }
    }

    @Nested
    class MmsiOfDesignatedVessel {

        @Test
        void deniesAnMmsiThatBelongsToADesignatedVessel() {
            picture.apply(vessel(Imos.next()).name("SKY STAR").mmsi("440123456").designated("OFAC", "DPRK4").build());
            picture.apply(vessel(imo).build());
            Verdict verdict = decide(notice(imo).mmsi("440123456"));
            assertEquals(Decision.DENY, verdict.decision());
            assertThat(codes(verdict), contains(ReasonCode.MMSI_OF_DESIGNATED_VESSEL));
            assertEquals("DPRK4", verdict.reasons().get(0).reference());
        }

        @Test
        void doesNotDenyTheMmsiOfAVesselThatIsNotDesignated() {
            picture.apply(vessel(Imos.next()).name("SKY STAR").mmsi("440123456").build());
            picture.apply(vessel(imo).build());
            assertEquals(Decision.CLEAR, decide(notice(imo).mmsi("440123456")).decision());
        }
    }

    @Nested
    class NameAndFlagMismatch {

        @Test
        void inspectsANameOtherThanTheRegistrys() {
            picture.apply(vessel(imo).name("EVER FAIR").build());
            Verdict verdict = decide(notice(imo).name("OCEAN GLORY"));
            assertEquals(Decision.INSPECT, verdict.decision());
            assertThat(codes(verdict), contains(ReasonCode.NAME_MISMATCH));
            assertThat(verdict.reasons().get(0).detail(), containsString("OCEAN GLORY"));
            assertThat(verdict.reasons().get(0).detail(), containsString("EVER FAIR"));
        }

        @Test
        void takesTheSameNameWrittenDifferentlyAsTheSame() {
            picture.apply(vessel(imo).name("EVER FAIR").build());
            assertThat(codes(decide(notice(imo).name("M/V Ever-Fair"))), not(hasItem(ReasonCode.NAME_MISMATCH)));
        }

        @Test
        void inspectsAFlagOtherThanTheRegistrys() {
            picture.apply(vessel(imo).flag("KOR").build());
            Verdict verdict = decide(notice(imo).flag("SLE"));
            assertEquals(Decision.INSPECT, verdict.decision());
            assertThat(codes(verdict), contains(ReasonCode.FLAG_MISMATCH));
        }

        @Test
        void acceptsTheRegistrysFlag() {
            picture.apply(vessel(imo).flag("KOR").build());
            assertThat(codes(decide(notice(imo).flag("KOR"))), not(hasItem(ReasonCode.FLAG_MISMATCH)));
        }
    }

    @Nested
    class PastIdentityOfDesignatedVessel {

        @Test
        void inspectsTheFormerNameOfADesignatedVessel() {
            String designated = Imos.next();
            picture.apply(vessel(designated).name("NEW KONK").pastName("KONK", NOW.minus(DAY.multipliedBy(800)))
                    .designated("UN", "KPi.058").build());
            picture.apply(vessel(imo).name("KONK").build());
            Verdict verdict = decide(notice(imo).name("KONK"));
            assertEquals(Decision.INSPECT, verdict.decision());
            assertThat(codes(verdict), contains(ReasonCode.PAST_IDENTITY_OF_DESIGNATED_VESSEL));
            assertThat(verdict.reasons().get(0).detail(), containsString(designated));
            assertThat(verdict.reasons().get(0).detail(), containsString("NEW KONK"));
        }

        @Test
        void inspectsADesignatedVesselsNameUnderOneOfItsPastFlags() {
            picture.apply(vessel(Imos.next()).name("YU JONG 2").flag("PRK").pastFlag("SLE", NOW.minus(DAY.multipliedBy(800)))
                    .designated("UN", "KPi.061").build());
            picture.apply(vessel(imo).name("YU JONG 2").flag("SLE").build());
            assertThat(codes(decide(notice(imo).name("YU JONG 2").flag("SLE"))), contains(ReasonCode.PAST_IDENTITY_OF_DESIGNATED_VESSEL));
        }

        @Test
        void ignoresTheFormerNameOfAVesselThatIsNotDesignated() {
            picture.apply(vessel(Imos.next()).name("NEW KONK").pastName("KONK", NOW.minus(DAY.multipliedBy(800))).build());
            picture.apply(vessel(imo).name("KONK").build());
            assertEquals(Decision.CLEAR, decide(notice(imo).name("KONK")).decision());
        }
    }

    @Nested
    class UnknownVesselResemblesDesignated {

        @Test
        void inspectsAnUnknownImoWhoseNameResemblesADesignatedVessel() {
            picture.apply(vessel(Imos.next()).name("CHON MA SAN").designated("UN", "KPi.050").build());
            Verdict verdict = decide(notice(imo).name("CHONMA SAM").flag("TGO"));
            assertEquals(Decision.INSPECT, verdict.decision());
            assertThat(codes(verdict), contains(ReasonCode.UNKNOWN_VESSEL_RESEMBLES_DESIGNATED));
            assertThat(verdict.reasons().get(0).detail(), containsString("CHON MA SAN"));
        }

        @Test
        void inspectsAnUnknownImoWhoseNameResemblesADesignatedVesselsPastName() {
            picture.apply(vessel(Imos.next()).name("KUM UN SAN 3").pastName("TIANYOU", NOW.minus(DAY.multipliedBy(900)))
                    .designated("UN", "KPi.070").build());
            assertThat(codes(decide(notice(imo).name("TIAN YOU 1"))), contains(ReasonCode.UNKNOWN_VESSEL_RESEMBLES_DESIGNATED));
        }

        @Test
        void clearsAnUnknownImoWithAnUnrelatedName() {
            picture.apply(vessel(Imos.next()).name("CHON MA SAN").designated("UN", "KPi.050").build());
            assertEquals(Decision.CLEAR, decide(notice(imo).name("MAERSK ESSEN")).decision());
        }

        @Test
        void doesNotApplyToAKnownImo() {
            picture.apply(vessel(Imos.next()).name("CHON MA SAN").designated("UN", "KPi.050").build());
            picture.apply(vessel(imo).name("CHON MA SAM").build());
            assertEquals(Decision.CLEAR, decide(notice(imo).name("CHON MA SAM")).decision());
        }
    }

    @Nested
    class DprkPortCall {

        @Test
        void inspectsACallInTheDprkWithinAYear() {
            picture.apply(vessel(imo).build());
            Verdict verdict = decide(notice(imo).call("KPNAM", NOW.minus(DAY.multipliedBy(40))));
            assertEquals(Decision.INSPECT, verdict.decision());
            assertThat(codes(verdict), contains(ReasonCode.DPRK_PORT_CALL));
            assertThat(verdict.reasons().get(0).detail(), containsString("KPNAM"));
        }

        @Test
        void ignoresACallInTheDprkMoreThanAYearAgo() {
            picture.apply(vessel(imo).build());
            assertEquals(Decision.CLEAR, decide(notice(imo).call("KPNAM", NOW.minus(DAY.multipliedBy(400)))).decision());
        }

        @Test
        void ignoresRecentCallsElsewhere() {
            picture.apply(vessel(imo).build());
            assertEquals(Decision.CLEAR, decide(notice(imo).call("CNDLC", NOW.minus(DAY.multipliedBy(5)))).decision());
        }
    }

    @Nested
    class ShipToShipTransfers {

        @Test
        void inspectsADeclaredTransfer() {
            picture.apply(vessel(imo).build());
            Verdict verdict = decide(notice(imo).transfer(new DeclaredTransfer(null, "SUN RISE", "Yellow Sea",
                    NOW.minus(DAY.multipliedBy(10)))));
            assertEquals(Decision.INSPECT, verdict.decision());
            assertThat(codes(verdict), contains(ReasonCode.DECLARED_SHIP_TO_SHIP_TRANSFER));
        }

        @Test
        void namesATransferWithADesignatedCounterpart() {
            String counterpart = Imos.next();
            picture.apply(vessel(counterpart).name("SAEBYOL").designated("UN", "KPi.073").build());
            picture.apply(vessel(imo).build());
            Verdict verdict = decide(notice(imo).transfer(new DeclaredTransfer(counterpart, null, null, null)));
            assertThat(codes(verdict), contains(ReasonCode.DECLARED_SHIP_TO_SHIP_TRANSFER, ReasonCode.TRANSFER_WITH_DESIGNATED_VESSEL));
            assertEquals(Decision.INSPECT, verdict.decision());
        }

        @Test
        void knowsADesignatedCounterpartByName() {
            picture.apply(vessel(Imos.next()).name("SAEBYOL").designated("UN", "KPi.073").build());
            picture.apply(vessel(imo).build());
            assertThat(codes(decide(notice(imo).transfer(new DeclaredTransfer(null, "Saebyol", null, null)))), hasItem(ReasonCode.TRANSFER_WITH_DESIGNATED_VESSEL));
        }

        @Test
        void doesNotCallACounterpartDesignatedWhenItIsNot() {
            String counterpart = Imos.next();
            picture.apply(vessel(counterpart).name("SUN RISE").build());
            picture.apply(vessel(imo).build());
            assertThat(codes(decide(notice(imo).transfer(new DeclaredTransfer(counterpart, "SUN RISE", null, null)))), not(hasItem(ReasonCode.TRANSFER_WITH_DESIGNATED_VESSEL)));
        }

        @Test
        void clearsWithoutDeclaredTransfers() {
            picture.apply(vessel(imo).build());
            assertThat(codes(decide(notice(imo))), not(hasItem(ReasonCode.DECLARED_SHIP_TO_SHIP_TRANSFER)));
        }
    }

    @Nested
    class RecentIncident {

        @Test
        void inspectsAVesselWithAnIncidentInTheLastYear() {
            picture.apply(vessel(imo).incident("AIS_GAP", NOW.minus(DAY.multipliedBy(90))).build());
            Verdict verdict = decide(notice(imo));
            assertEquals(Decision.INSPECT, verdict.decision());
            assertThat(codes(verdict), contains(ReasonCode.RECENT_INCIDENT));
            assertThat(verdict.reasons().get(0).detail(), containsString("AIS_GAP"));
        }

        @Test
        void ignoresAnOlderIncident() {
            picture.apply(vessel(imo).incident("AIS_GAP", NOW.minus(DAY.multipliedBy(500))).build());
            assertThat(codes(decide(notice(imo))), not(hasItem(ReasonCode.RECENT_INCIDENT)));
        }
    }

    @Nested
    class MmsiFlagMismatch {

        @Test
        void inspectsAnMmsiOfAnotherFlag() {
            picture.apply(vessel(imo).flag("PAN").build());
            Verdict verdict = decide(notice(imo).flag("PAN").mmsi("445123456"));
            assertEquals(Decision.INSPECT, verdict.decision());
            assertThat(codes(verdict), contains(ReasonCode.MMSI_FLAG_MISMATCH));
            assertThat(verdict.reasons().get(0).detail(), containsString("445"));
            assertThat(verdict.reasons().get(0).detail(), containsString("PRK"));
        }

        @Test
        void inspectsAnMmsiOfNoCountry() {
            picture.apply(vessel(imo).flag("PAN").build());
            assertThat(codes(decide(notice(imo).flag("PAN").mmsi("299123456"))), contains(ReasonCode.MMSI_FLAG_MISMATCH));
            assertThat(codes(decide(notice(imo).flag("PAN").mmsi("012345678"))), contains(ReasonCode.MMSI_FLAG_MISMATCH));
        }

        @Test
        void acceptsAnMmsiOfTheFlag() {
            picture.apply(vessel(imo).flag("PAN").build());
            assertEquals(Decision.CLEAR, decide(notice(imo).flag("PAN").mmsi("352001234")).decision());
        }
    }

    @Nested
    class RecentFlagChange {

        @Test
        void inspectsAFlagChangeInTheLastYear() {
            picture.apply(vessel(imo).flag("KOR").pastFlag("TGO", NOW.minus(DAY.multipliedBy(60))).build());
            Verdict verdict = decide(notice(imo));
            assertEquals(Decision.INSPECT, verdict.decision());
            assertThat(codes(verdict), contains(ReasonCode.RECENT_FLAG_CHANGE));
        }

        @Test
        void ignoresAnOlderFlagChange() {
            picture.apply(vessel(imo).flag("KOR").pastFlag("TGO", NOW.minus(DAY.multipliedBy(3 * 365))).build());
            assertEquals(Decision.CLEAR, decide(notice(imo)).decision());
        }
    }

    @Nested
    class SanctionsDataStale {

        @Test
        void neverClearsBeforeTheFirstHeartbeat() {
            picture = new SanctionsPicture();
            picture.apply(vessel(imo).build());
            Verdict verdict = decide(notice(imo));
            assertEquals(Decision.INSPECT, verdict.decision());
            assertThat(codes(verdict), contains(ReasonCode.SANCTIONS_DATA_STALE));
        }

        @Test
        void neverClearsOnDataOlderThanTheFreshnessBound() {
            heartbeat(NOW.minus(Duration.ofMinutes(6)));
            picture.apply(vessel(imo).build());
            Verdict verdict = decide(notice(imo));
            assertEquals(Decision.INSPECT, verdict.decision());
            assertThat(codes(verdict), contains(ReasonCode.SANCTIONS_DATA_STALE));
            assertThat(verdict.reasons().get(0).detail(), containsString("freshness bound of 300 s"));
        }

        @Test
        void clearsOnDataWithinTheFreshnessBound() {
            heartbeat(NOW.minus(Duration.ofMinutes(4)));
            picture.apply(vessel(imo).build());
            assertEquals(Decision.CLEAR, decide(notice(imo)).decision());
        }

        @Test
        void stillDeniesADesignatedVesselOnStaleData() {
            heartbeat(NOW.minus(Duration.ofHours(2)));
            picture.apply(vessel(imo).designated("UN", "KPi.074").build());
            Verdict verdict = decide(notice(imo));
            assertEquals(Decision.DENY, verdict.decision());
            assertThat(codes(verdict), hasItem(ReasonCode.SANCTIONS_DATA_STALE));
        }
    }

    /** A notice for a plain vessel as {@link org.interdict.clearance.support.Vessels} builds it, unless told otherwise. */
    static final class Notice {
        private final String imo;
        private String name = "EVER FAIR";
        private String flag = "KOR";
        private String mmsi;
        private final List<PortCall> calls = new java.util.ArrayList<>();
        private final List<DeclaredTransfer> transfers = new java.util.ArrayList<>();

        Notice(String imo) {
            this.imo = imo;
        }

        Notice name(String name) {
            this.name = name;
            return this;
        }

        Notice flag(String flag) {
            this.flag = flag;
            return this;
        }

        Notice mmsi(String mmsi) {
            this.mmsi = mmsi;
            return this;
        }

        Notice call(String port, Instant departed) {
            calls.add(new PortCall(port, departed));
            return this;
        }

        Notice transfer(DeclaredTransfer transfer) {
            transfers.add(transfer);
            return this;
        }

        PreArrivalNotice build() {
            return new PreArrivalNotice(imo, name, flag, mmsi, "KRPUS", NOW.plus(DAY), calls, transfers, null);
        }
    }
}
