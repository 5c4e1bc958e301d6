package org.interdict.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.interdict.gateway.e2e.Platform;
import org.interdict.gateway.e2e.Tokens;
import org.interdict.stack.QuarkusService;
import org.interdict.stack.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * port-clearance started on an empty database rebuilds its replica from the registry's compacted topic alone, and
 * says it is ready only once it has: the first time its readiness reports UP, its replica holds every vessel and
 * every designated vessel the registry has, and designated vessels are refused.
 */
class ClearanceRebuildIT {

    private static final int DESIGNATED = 3;

    @AfterEach
    void clearanceBack() {
        StackHealth.awaitRecovered();
    }

    @Test
    void anEmptyDatabaseIsRebuiltFromTheTopicBeforeTheServiceIsReady() {
        List<String> designated = new ArrayList<>();
        for (int i = 0; i < DESIGNATED; i++) {
            String imo = Fleet.newImo();
            Fleet.registered(imo, "REBUILT TANKER");
            Fleet.designate(imo, "KPe.REB-" + imo);
            designated.add(imo);
        }
        for (String imo : designated) { // on the topic, and applied by the running instance
            assertEquals("DENY", Fleet.eventually(() -> Fleet.clearance(imo, "REBUILT TANKER").getString("decision"),
                    "DENY"::equals));
        }

        Stack stack = Platform.stack();
        QuarkusService clearance = stack.app(Stack.App.CLEARANCE);
        clearance.stop();
        stack.postgres().recreate(stack.database(Stack.App.CLEARANCE));
        clearance.relaunch(stack.layout());

        JsonPath firstUp = Fleet.eventually(() -> readiness(clearance), report -> report != null,
                Duration.ofSeconds(300));
        assertNotNull(firstUp, "port-clearance never became ready on an empty database");
        // asked of the service itself, not through the gateway, so that nothing happens in between
        var direct = RestAssured.given().baseUri(clearance.url()).auth().oauth2(Tokens.of("busan-officer"));
        for (String imo : designated) {
            JsonPath answer = Fleet.clearanceRequest(direct, imo, "REBUILT TANKER").then().statusCode(201).extract()
                    .jsonPath();
            assertEquals("DENY", answer.getString("decision"), "at first readiness, " + imo + ": " + answer.prettify());
        }
        String replica = "checks.find { it.name == 'clearance-replica' }.data.";
        assertEquals(registryCount("SELECT count(*) FROM vessel"), firstUp.getLong(replica + "vessels"),
                "vessels in the replica at first readiness: " + firstUp.prettify());
        assertEquals(registryCount("SELECT count(DISTINCT imo) FROM designation WHERE delisted_on IS NULL"),
                firstUp.getLong(replica + "designated"),
                "designated vessels in the replica at first readiness: " + firstUp.prettify());
    }

    /** The readiness report when the service says UP; null while it is DOWN (503) or not listening yet. */
    private static JsonPath readiness(QuarkusService service) {
        try {
            var answer = RestAssured.given().baseUri(service.url()).get("/q/health/ready");
            return answer.statusCode() == 200 ? answer.jsonPath() : null;
        } catch (Exception e) { // connection refused while it starts
            return null;
        }
    }

    private static long registryCount(String sql) {
        return Long.parseLong(Databases.column(Stack.App.REGISTRY, sql).get(0));
    }
}
