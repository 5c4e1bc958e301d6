package org.interdict.clearance.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.interdict.clearance.decision.PreArrivalNotice;
import org.interdict.clearance.request.ClearanceService;
import org.interdict.clearance.support.ClearanceTestBase;
import org.interdict.clearance.support.Imos;
import org.interdict.clearance.support.Registry;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_clearance"))
class InspectionResourceTest extends ClearanceTestBase {

    @Inject
    ClearanceService clearances;

    /** A decision at Busan, asked for directly of the service. */
    String decisionAtBusan(String imo) {
        return clearances.decide(Registry.JSON.convertValue(notice(imo), PreArrivalNotice.class), "busan-officer", "KOR")
                .join().answer().id().toString();
    }

    static ValidatableResponse report(String id, Map<String, Object> report) {
        return given().contentType(ContentType.JSON).body(report).when()
                .post("/api/clearance/requests/" + id + "/inspection").then();
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS"),
            @Claim(key = "preferred_username", value = "busan-officer")})
    void recordsOneOutcomePerDecision() {
        String id = decisionAtBusan(Imos.next());
        report(id, Map.of("outcome", "DETAINED", "notes", "Forged certificates")).statusCode(201)
                .body("clearanceId", equalTo(id))
                .body("outcome", equalTo("DETAINED"))
                .body("notes", equalTo("Forged certificates"))
                .body("inspectedAt", notNullValue())
                .body("inspectedBy.username", equalTo("busan-officer"))
                .body("inspectedBy.nation", equalTo("KOR"));
        given().when().get("/api/clearance/requests/" + id).then().statusCode(200)
                .body("inspection.outcome", equalTo("DETAINED"));

        report(id, Map.of("outcome", "PASSED")).statusCode(409).contentType("application/problem+json");
        given().when().get("/api/clearance/requests/" + id).then().body("inspection.outcome", equalTo("DETAINED"));
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void tellsTheRegistryOfASeizure() {
        String imo = Imos.next();
        String id = decisionAtBusan(imo);
        report(id, Map.of("outcome", "SEIZED", "notes", "Refined petroleum from an STS transfer")).statusCode(201);

        Registry.Found event = Registry.find("clearance.inspections.v1",
                value -> id.equals(value.path("clearanceId").asText()));
        JsonNode value = event.value();
        assertEquals(imo, event.key());
        assertEquals("InspectionRecorded", event.eventTypeHeader());
        assertEquals(value.path("eventId").asText(), event.eventIdHeader());
        assertEquals("InspectionRecorded", value.path("eventType").asText());
        assertEquals(1, value.path("schemaVersion").asInt());
        assertEquals("SEIZED", value.path("outcome").asText());
        assertEquals(imo, value.path("imo").asText());
        assertEquals("KRPUS", value.path("port").asText());
        assertEquals("KOR", value.path("nation").asText());
        assertEquals("Refined petroleum from an STS transfer", value.path("notes").asText());
    }

    @Test
    @TestSecurity(user = "vancouver-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "CAN"), @Claim(key = "port", value = "CAVAN")})
    void hidesADecisionOfAnotherPortFromAnOfficer() {
        String id = decisionAtBusan(Imos.next());
        report(id, Map.of("outcome", "PASSED")).statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void letsAnAdminRecordAnOutcomeAnywhere() {
        String id = decisionAtBusan(Imos.next());
        report(id, Map.of("outcome", "PASSED")).statusCode(201).body("inspectedBy.nation", equalTo("USA"));
        report("0190aa11-0000-7000-8000-000000000000", Map.of("outcome", "PASSED")).statusCode(404);
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void namesAMissingOrUnknownOutcome() {
        String id = decisionAtBusan(Imos.next());
        report(id, Map.of("outcome", "SUNK")).statusCode(400).body("errors.field", hasItem("outcome"));
        report(id, Map.of("notes", "no outcome")).statusCode(400).body("errors.field", hasItem("outcome"));
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void refusesOtherRoles() {
        report(decisionAtBusan(Imos.next()), Map.of("outcome", "PASSED")).statusCode(403)
                .body("detail", containsString("may not"));
    }
}
