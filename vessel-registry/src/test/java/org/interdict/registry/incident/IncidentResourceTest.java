package org.interdict.registry.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.interdict.registry.support.Imos;
import org.interdict.registry.support.Registry;
import org.interdict.registry.support.TopicReader;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
class IncidentResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void recordsAnIncidentReportedByTheCallersNationAndPublishesTheStatus() {
        String imo = Registry.vessel("LIGHTHOUSE WINMORE", "HKG");
        String counterpart = Imos.next();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "type", "SHIP_TO_SHIP_TRANSFER", "occurredAt", "2017-10-19T09:00:00Z",
                        "location", "East China Sea 30.5N 124.3E", "counterpartImo", "IMO " + counterpart,
                        "description", "600 t of refined oil transferred", "reportingNation", "USA"))
                .when().post("/api/registry/incidents")
                .then().statusCode(201)
                .body("reportingNation", equalTo("KOR"))
                .body("counterpartImo", equalTo(counterpart))
                .body("type", equalTo("SHIP_TO_SHIP_TRANSFER"))
                .extract().path("id");
        given().when().get("/api/registry/incidents/" + id).then().statusCode(200).body("imo", equalTo(imo));
        given().when().get("/api/registry/vessels/" + imo)
                .then().statusCode(200)
                .body("incidents", hasSize(1))
                .body("incidents[0].location", equalTo("East China Sea 30.5N 124.3E"))
                .body("incidents[0].occurredAt", equalTo("2017-10-19T09:00:00Z"));

        TopicReader.awaitKey("registry.vessel-status.v1", imo, seen -> seen.stream()
                .anyMatch(r -> TopicReader.json(r).get("incidents").size() == 1
                        && "KOR".equals(TopicReader.json(r).get("incidents").get(0).get("reportingNation").asText())));
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void refusesBadIncidents() {
        String imo = Registry.vessel("INCIDENT ERRORS", "PAN");
        given().contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "type", "AIS_GAP", "occurredAt", "2024-01-01T00:00:00Z", "location", "Sea",
                        "counterpartImo", Imos.withWrongCheckDigit(Imos.next())))
                .when().post("/api/registry/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("counterpartImo"));
        given().contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "type", "PIRACY", "occurredAt", "2024-01-01T00:00:00Z", "location", "Sea"))
                .when().post("/api/registry/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("type"));
        given().contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "type", "AIS_GAP", "occurredAt", "2999-01-01T00:00:00Z", "location", "Sea"))
                .when().post("/api/registry/incidents")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("occurredAt"));
        given().contentType(ContentType.JSON)
                .body(Map.of("imo", Imos.next(), "type", "AIS_GAP", "occurredAt", "2024-01-01T00:00:00Z",
                        "location", "Sea"))
                .when().post("/api/registry/incidents")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void refusesPortOfficers() {
        given().contentType(ContentType.JSON)
                .body(Map.of("imo", Imos.next(), "type", "AIS_GAP", "occurredAt", "2024-01-01T00:00:00Z",
                        "location", "Sea"))
                .when().post("/api/registry/incidents")
                .then().statusCode(403).contentType(PROBLEM);
    }
}
