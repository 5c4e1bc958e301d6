package org.interdict.clearance.replica;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.clearance.support.Vessels.vessel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.interdict.stack.Await;
import org.interdict.clearance.support.Imos;
import org.interdict.clearance.support.Registry;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A new instance with an empty database rebuilds the replica from the topic alone, and is ready only then: the
 * {@link Filler} fills the registry's topic before the service starts on its freshly created, empty database.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_clearance"))
@QuarkusTestResource(ReplicaRebuildTest.Filler.class)
class ReplicaRebuildTest {

    static final int VESSELS = 300;
    static final String FIRST = "900000";
    static final String LAST = "900299";

    @Inject
    SanctionsPicture picture;

    @Inject
    EntityManager entityManager;

    static String seeded(int i) {
        return Imos.withCheckDigit(String.valueOf(Integer.parseInt(FIRST) + i));
    }

    @Test
    void rebuildsEveryVesselFromTheTopicBeforeTurningReady() {
        Await.until("the service is ready", () -> given().when().get("/q/health/ready").statusCode() == 200);
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'clearance-replica' }.status", equalTo("UP"));

        // ready only once caught up: everything the topic held at start is in, in memory and in the database
        for (int i = 0; i < VESSELS; i++) {
            assertTrue(picture.vessel(seeded(i)).isPresent(), "seeded vessel " + i);
        }
        Vessel designated = picture.vessel(seeded(0)).orElseThrow();
        assertTrue(designated.designated());
        assertEquals(2, designated.version());
        assertEquals(VESSELS, ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT count(*) FROM vessel_status WHERE imo BETWEEN ?1 AND ?2")
                .setParameter(1, FIRST + "0").setParameter(2, LAST + "9").getSingleResult())).intValue());
    }

    /** Publishes the registry's statuses before the service starts: many vessels, the first designated later. */
    public static class Filler implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            for (int i = 0; i < VESSELS; i++) {
                Registry.publish(vessel(seeded(i)).name("SEED " + i).version(1).build());
            }
            Registry.publish(vessel(seeded(0)).name("SEED 0").version(2).designated("UN", "KPi.074").build());
            return Map.of();
        }

        @Override
        public void stop() {
            // the broker belongs to the test JVM
        }
    }
}
