package org.interdict.gateway.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.interdict.stack.TopicReader;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Issue 4 end to end: a designation turns a cleared vessel away, a seizure reaches the registry, ports are kept apart. */
class ClearanceIT {

    /** A bulk carrier of no interest until the admin designates it. */
    private static final String CARRIER = "9300013";

    @Test
    void aDesignationTurnsAClearedVesselIntoADenialAndASeizureBecomesARegistryIncident() {
        Platform.as("jpn-ministry").contentType(ContentType.JSON)
                .body(Map.of("imo", CARRIER, "name", "OCEAN HARMONY", "flag", "PAN", "type", "Bulk carrier",
                        "buildYear", 2015))
                .post("/api/registry/vessels").then().statusCode(201);
        JsonPath cleared = Eventually.until(() -> request("busan-officer", "KRPUS"),
                answer -> "CLEAR".equals(answer.getString("decision")));
        assertEquals("CLEAR", cleared.getString("decision"), cleared.prettify());

        Platform.as("admin").contentType(ContentType.JSON)
                .body(Map.of("authority", "OFAC", "reference", "DPRK4-TEST", "listedOn", "2026-11-01",
                        "basis", "Transfers of refined petroleum"))
                .post("/api/registry/vessels/" + CARRIER + "/designations").then().statusCode(201);
        JsonPath denied = Eventually.until(() -> request("busan-officer", "KRPUS"),
                answer -> "DENY".equals(answer.getString("decision")));
        assertEquals("DENY", denied.getString("decision"), denied.prettify());
        assertTrue(denied.getList("reasons.code", String.class).contains("DESIGNATED_VESSEL"), denied.prettify());
        List<String> designations = TopicReader.valuesFor(Platform.stack().kafka().bootstrapServers(),
                "registry.designations.v1", CARRIER, 1, Duration.ofSeconds(30));
        assertTrue(designations.get(0).contains("DPRK4-TEST"), designations.get(0));

        String id = denied.getString("id");
        Platform.as("busan-officer").get("/api/clearance/requests/" + id)
                .then().statusCode(200).body("decision", equalTo("DENY"));
        Platform.as("busan-officer").contentType(ContentType.JSON)
                .body(Map.of("outcome", "SEIZED", "notes", "Cargo of refined oil without papers"))
                .post("/api/clearance/requests/" + id + "/inspection").then().statusCode(201);
        JsonPath vessel = Eventually.until(() -> Platform.as("admin").get("/api/registry/vessels/" + CARRIER)
                .then().statusCode(200).extract().jsonPath(),
                view -> view.getList("incidents.type", String.class).contains("SEIZURE"));
        assertTrue(vessel.getList("incidents.type", String.class).contains("SEIZURE"), vessel.prettify());
    }

    @Test
    void anOfficerMayAskOnlyForTheirOwnPort() {
        Platform.as("vancouver-officer").contentType(ContentType.JSON).body(notice("9074729", "KRPUS"))
                .post("/api/clearance/requests")
                .then().statusCode(403).contentType("application/problem+json");
        Platform.as("chn-ministry").contentType(ContentType.JSON).body(notice("9074729", "CNSHA"))
                .post("/api/clearance/requests")
                .then().statusCode(403).contentType("application/problem+json");
        Platform.as("admin").contentType(ContentType.JSON).body(notice("9074729", "CAVAN"))
                .post("/api/clearance/requests")
                .then().statusCode(201).body("reasons.code", org.hamcrest.Matchers.notNullValue());
        Platform.as("vancouver-officer").contentType(ContentType.JSON).body(notice("9074729", "CAVAN"))
                .post("/api/clearance/requests")
                .then().statusCode(201).body("decision", org.hamcrest.Matchers.oneOf("CLEAR", "INSPECT"));
        Platform.as("vancouver-officer").get("/api/clearance/requests?port=CAVAN")
                .then().statusCode(200).body("items.port", hasItem("CAVAN"));
    }

    private static JsonPath request(String officer, String port) {
        return Platform.as(officer).contentType(ContentType.JSON).body(notice(CARRIER, port)
                ).post("/api/clearance/requests").then().statusCode(201).extract().jsonPath();
    }

    private static Map<String, Object> notice(String imo, String port) {
        return Map.of("imo", imo, "name", "OCEAN HARMONY", "flag", "PAN", "port", port,
                "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "lastPortsOfCall", List.of());
    }
}
