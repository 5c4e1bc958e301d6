package org.interdict.clearance.replica;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.interdict.clearance.support.Vessels.vessel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.interdict.clearance.support.ClearanceTestBase;
import org.interdict.clearance.support.Imos;
import org.interdict.clearance.support.Registry;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The replica follows the registry's topic on the real broker: idempotent, never going back to an older version. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_clearance"))
class ReplicaFeedTest extends ClearanceTestBase {

    @Inject
    EntityManager entityManager;

    @Inject
    ReplicaStore store;

    @Test
    void appliesAStatusInMemoryAndInTheDatabase() {
        String imo = Imos.next();
        known(vessel(imo).version(4).name("HAO FAN 6").mmsi("477123456").designated("UN", "KPi.047").build());

        Vessel vessel = picture.vessel(imo).orElseThrow();
        assertEquals("HAO FAN 6", vessel.status().name());
        assertEquals(imo, picture.designatedWithMmsi("477123456").get(0).imo());
        assertEquals(4L, storedVersion(imo));
    }

    @Test
    void ignoresDuplicatesAndOlderVersions() {
        String imo = Imos.next();
        VesselStatusEvent second = vessel(imo).version(2).name("SECOND").build();
        Registry.publish(0, second);
        Registry.publish(0, vessel(imo).version(1).name("FIRST, LATE").build());
        Registry.publish(0, second);
        String marker = Imos.next();
        Registry.publish(0, vessel(marker).build());
        awaitVersion(marker, 1);

        assertEquals("SECOND", picture.vessel(imo).orElseThrow().status().name());
        assertEquals(2, picture.vessel(imo).orElseThrow().version());
        assertEquals(2L, storedVersion(imo));
        assertTrue(storedPayload(imo).contains("SECOND"));
        assertEquals(1L, ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, second.eventId()).getSingleResult())).longValue());
    }

    @Test
    void storesAPollsStatusesOfOneVesselAsItsHighestVersion() {
        String imo = Imos.next();
        List<VesselStatusEvent> poll = List.of(vessel(imo).version(1).name("FIRST").build(),
                vessel(imo).version(3).name("THIRD").build(), vessel(imo).version(2).name("SECOND, LATE").build());
        List<VesselStatusEvent> again = List.of(poll.get(1), poll.get(1));

        QuarkusTransaction.requiringNew().run(() -> store.storeAll(poll, poll.stream().map(Registry::write).toList()));
        QuarkusTransaction.requiringNew().run(() -> store.storeAll(again, List.of("{}", "{}")));

        assertEquals(3L, storedVersion(imo));
        assertTrue(storedPayload(imo).contains("THIRD"));
    }

    @Test
    void readsTheRegistrysJsonIgnoringUnknownFieldsAndTakingDaysForDates() {
        String imo = Imos.next();
        Registry.publish(Registry.STATUS_TOPIC, imo, """
                {"eventId": "%s", "eventType": "VesselStatus", "schemaVersion": 1, "occurredAt": "2026-05-01T10:00:00Z",
                 "imo": "%s", "version": 9, "name": "RYE SONG GANG 1", "flag": "PRK", "mmsi": "445000111",
                 "callSign": "HMYS", "type": "Oil tanker", "grossTonnage": 2989, "buildYear": 1989,
                 "owner": "Korea Achim Shipping", "operator": null, "somethingNew": {"nested": true},
                 "pastNames": [{"name": "RYE SONG", "from": "2010-01-01", "to": "2015-06-30", "reportedBy": "UN"}],
                 "pastFlags": [],
                 "designated": true,
                 "designations": [{"id": "d-1", "authority": "UN", "reference": "KPi.062", "listedOn": "2018-03-30",
                                   "basis": "UNSCR 2397", "delistedOn": null, "addedLater": 1}],
                 "incidents": [{"id": "i-1", "type": "SHIP_TO_SHIP_TRANSFER", "occurredAt": "2017-10-19T00:00:00Z",
                                "location": "East China Sea", "counterpartImo": null, "reportingNation": "JPN"}],
                 "riskSignals": ["DPRK_FLAG"]}""".formatted(UUID.randomUUID(), imo));
        awaitVersion(imo, 9);

        Vessel vessel = picture.vessel(imo).orElseThrow();
        assertTrue(vessel.designated());
        assertEquals("KPi.062", vessel.activeDesignations().get(0).reference());
        assertEquals(Instant.parse("2018-03-30T00:00:00Z"), vessel.activeDesignations().get(0).listedOn());
        assertEquals(Instant.parse("2015-06-30T00:00:00Z"), vessel.status().pastNames().get(0).to());
        assertEquals(1, picture.designatedNamed(NameKey.of("Rye Song")).size());
    }

    @Test
    void skipsAnUnreadableStatusAndGoesOn() {
        String imo = Imos.next();
        Registry.publish(Registry.STATUS_TOPIC, imo, "{not json");
        Registry.publish(Registry.STATUS_TOPIC, imo, "{\"imo\": \"" + imo + "\", \"version\": 1}");
        known(vessel(imo).version(2).build());
        assertEquals(2L, storedVersion(imo));
    }

    @Test
    void isReadyOnceCaughtUp() {
        known(vessel(Imos.next()).build());
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("clearance-replica"))
                .body("checks.find { it.name == 'clearance-replica' }.status", equalTo("UP"));
    }

    @Test
    void exposesTheReplicaAndDecisionMetrics() {
        known(vessel(Imos.next()).build());
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("clearance_replica_vessels"), "replica size");
        assertTrue(metrics.contains("clearance_data_age_seconds"), "data age");
        assertTrue(metrics.contains("clearance_replica_lag"), "replica lag");
        assertTrue(metrics.contains("clearance_decisions_total{decision=\"DENY\""), "decisions by outcome");
    }

    private long storedVersion(String imo) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT version FROM vessel_status WHERE imo = ?1").setParameter(1, imo)
                .getSingleResult())).longValue();
    }

    private String storedPayload(String imo) {
        return (String) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT payload FROM vessel_status WHERE imo = ?1").setParameter(1, imo)
                .getSingleResult());
    }
}
