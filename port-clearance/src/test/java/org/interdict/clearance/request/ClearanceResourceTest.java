package org.interdict.clearance.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.interdict.clearance.support.Vessels.vessel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.interdict.clearance.support.ClearanceTestBase;
import org.interdict.clearance.support.Imos;
import org.interdict.clearance.support.Registry;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
class ClearanceResourceTest extends ClearanceTestBase {

    static final String REQUESTS = "/api/clearance/requests";

    @Inject
    EntityManager entityManager;

    static ValidatableResponse ask(Map<String, Object> notice) {
        return given().contentType(ContentType.JSON).body(notice).when().post(REQUESTS).then();
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS"),
            @Claim(key = "preferred_username", value = "busan-officer")})
    void clearsAKnownVesselForAnOfficerOfThatPort() {
        String imo = Imos.next();
        known(vessel(imo).version(3).build());
        ask(notice(imo)).statusCode(201)
                .header("Location", startsWith(REQUESTS + "/"))
                .body("id", notNullValue())
                .body("imo", equalTo(imo))
                .body("port", equalTo("KRPUS"))
                .body("decision", equalTo("CLEAR"))
                .body("reasons", empty())
                .body("riskProfile.level", equalTo("LOW"))
                .body("riskProfile.points", equalTo(0))
                .body("listVersion.replicaVersion", greaterThanOrEqualTo(3))
                .body("listVersion.heartbeatAt", notNullValue())
                .body("decidedAt", notNullValue());
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void aDesignationInTheRegistryTurnsTheNextClearanceIntoDeny() {
        String imo = Imos.next();
        known(vessel(imo).version(1).build());
        ask(notice(imo)).statusCode(201).body("decision", equalTo("CLEAR"));

        known(vessel(imo).version(2).designated("UN", "KPi.074").build());
        ask(notice(imo)).statusCode(201)
                .body("decision", equalTo("DENY"))
                .body("reasons[0].code", equalTo("DESIGNATED_VESSEL"))
                .body("reasons[0].authority", equalTo("UN"))
                .body("reasons[0].reference", equalTo("KPi.074"))
                .body("reasons[0].detail", containsString("KPi.074"))
                .body("riskProfile.level", equalTo("HIGH"));
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void inspectsWithEveryReasonSpelledOut() {
        String imo = Imos.next();
        known(vessel(imo).build());
        Map<String, Object> notice = notice(imo);
        notice.put("lastPortsOfCall", List.of(Map.of("port", "KPNAM", "departed", daysAgo(60))));
        notice.put("eta", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        notice.put("mmsi", "445123456");
        notice.put("declaredShipToShipTransfers", List.of(Map.of("counterpartName", "SUN RISE", "location", "Yellow Sea")));
        ask(notice).statusCode(201)
                .body("decision", equalTo("INSPECT"))
                .body("reasons.code", contains("DPRK_PORT_CALL", "DECLARED_SHIP_TO_SHIP_TRANSFER", "MMSI_FLAG_MISMATCH"))
                .body("reasons.detail", everyItem(notNullValue()))
                .body("riskProfile.factors.code", hasItem("NOTICE_SIGNALS"));
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void neverClearsOnStaleDataAndClearsAgainOnceTheRegistryVouchesForIt() {
        String imo = Imos.next();
        known(vessel(imo).build());
        vouchedAt(Instant.now().minus(10, ChronoUnit.MINUTES));
        ask(notice(imo)).statusCode(201)
                .body("decision", equalTo("INSPECT"))
                .body("reasons.code", contains("SANCTIONS_DATA_STALE"));

        vouchedAt(Instant.now());
        ask(notice(imo)).statusCode(201).body("decision", equalTo("CLEAR"));
    }

    @Test
    @TestSecurity(user = "vancouver-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "CAN"), @Claim(key = "port", value = "CAVAN")})
    void refusesAnOfficerOfAnotherPort() {
        ask(notice(Imos.next())).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("CAVAN"));
    }

    @Test
    @TestSecurity(user = "shanghai-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "CHN"), @Claim(key = "port", value = "KRPUS")})
    void refusesAnOfficerOfANonMemberNation() {
        ask(notice(Imos.next())).statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "london-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "GBR"), @Claim(key = "port", value = "KRPUS")})
    void refusesAnOfficerOfASuspendedMember() {
        ask(notice(Imos.next())).statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void refusesOtherRoles() {
        ask(notice(Imos.next())).statusCode(403).contentType("application/problem+json");
    }

    @Test
    void refusesACallWithoutToken() {
        ask(notice(Imos.next())).statusCode(401).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void letsAnAdminAskForAnyPort() {
        Map<String, Object> notice = notice(Imos.next());
        notice.put("port", "CAVAN");
        ask(notice).statusCode(201).body("port", equalTo("CAVAN"));
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void namesTheFieldAtFault() {
        String imo = Imos.next();
        rejects(with(notice(imo), "imo", "9074728"), "imo");
        rejects(with(notice(imo), "imo", null), "imo");
        rejects(with(notice(imo), "mmsi", "44012345"), "mmsi");
        rejects(with(notice(imo), "flag", "XYZ"), "flag");
        rejects(with(notice(imo), "port", "busan"), "port");
        rejects(with(notice(imo), "name", " "), "name");
        rejects(with(notice(imo), "eta", Instant.now().plus(400, ChronoUnit.DAYS).toString()), "eta");
        rejects(with(notice(imo), "eta", "tomorrow"), "eta");
        List<Map<String, Object>> elevenCalls = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            elevenCalls.add(Map.of("port", "CNDLC", "departed", daysAgo(30)));
        }
        rejects(with(notice(imo), "lastPortsOfCall", elevenCalls), "lastPortsOfCall");
        rejects(with(notice(imo), "lastPortsOfCall", List.of(Map.of("port", "CNDLC",
                "departed", Instant.now().plus(2, ChronoUnit.DAYS).toString()))), "lastPortsOfCall[0].departed");
        rejects(with(notice(imo), "lastPortsOfCall", List.of(Map.of("port", "kp", "departed", daysAgo(30)))),
                "lastPortsOfCall[0].port");
        rejects(with(notice(imo), "declaredShipToShipTransfers", List.of(Map.of("counterpartImo", "1234568"))),
                "declaredShipToShipTransfers[0].counterpartImo");
    }

    static Map<String, Object> with(Map<String, Object> notice, String field, Object value) {
        notice.put(field, value);
        return notice;
    }

    static void rejects(Map<String, Object> notice, String field) {
        ask(notice).log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS"),
            @Claim(key = "preferred_username", value = "busan-officer")})
    void keepsEveryDecisionWithTheNoticeTheAnswerTheDataVersionAndTheCaller() {
        String imo = Imos.next();
        known(vessel(imo).version(7).build());
        String id = ask(notice(imo)).statusCode(201).extract().path("id");

        given().when().get(REQUESTS + "/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("decision", equalTo("CLEAR"))
                .body("request.imo", equalTo(imo))
                .body("request.cargo", equalTo("Steel coils"))
                .body("request.lastPortsOfCall[0].port", equalTo("CNDLC"))
                .body("requestedBy.username", equalTo("busan-officer"))
                .body("requestedBy.nation", equalTo("KOR"))
                .body("listVersion.replicaVersion", greaterThanOrEqualTo(7))
                .body("inspection", nullValue());

        Object replicaVersion = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT replica_version FROM clearance_request WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, id).getSingleResult());
        assertThat(((Number) replicaVersion).longValue(), greaterThanOrEqualTo(7L));
    }

    @Test
    void refusesToChangeOrRemoveAKeptDecision() {
        String id = decided(notice(Imos.next())).toString();
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE clearance_request SET decision = 'CLEAR' WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, id).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM clearance_request WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, id).executeUpdate()));
    }

    static String daysAgo(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days).toString();
    }

    @Test
    @TestSecurity(user = "vancouver-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "CAN"), @Claim(key = "port", value = "CAVAN")})
    void hidesTheDecisionsOfOtherPortsFromAnOfficer() {
        UUID atBusan = decided(notice(Imos.next()));
        given().when().get(REQUESTS + "/" + atBusan).then().statusCode(404).contentType("application/problem+json");
        given().when().get(REQUESTS + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void showsAnAdminTheDecisionsOfAnyPort() {
        UUID atBusan = decided(notice(Imos.next()));
        given().when().get(REQUESTS + "/" + atBusan).then().statusCode(200).body("port", equalTo("KRPUS"));
        Map<String, Object> atVancouver = notice(Imos.next());
        atVancouver.put("port", "CAVAN");
        String from = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        UUID vancouver = decided(atVancouver);
        given().queryParam("port", "CAVAN").queryParam("from", from).when().get(REQUESTS).then().statusCode(200)
                .body("items.id", contains(vancouver.toString()));
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void listsTheDecisionsOfTheOfficersOwnPortPageByPage() {
        String from = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        List<String> atBusan = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atBusan.add(decided(notice(Imos.next())).toString());
        }
        Map<String, Object> atVancouver = notice(Imos.next());
        atVancouver.put("port", "CAVAN");
        decided(atVancouver);

        String next = given().queryParam("from", from).queryParam("limit", 2).when().get(REQUESTS).then()
                .statusCode(200)
                .body("items.id", contains(atBusan.get(0), atBusan.get(1)))
                .body("items.port", everyItem(equalTo("KRPUS")))
                .body("items[0].decision", notNullValue())
                .body("items[0].requestedBy.username", equalTo("admin"))
                .body("next", notNullValue()).extract().path("next");
        given().queryParam("from", from).queryParam("limit", 2).queryParam("cursor", next).when().get(REQUESTS).then()
                .statusCode(200)
                .body("items.id", contains(atBusan.get(2)))
                .body("next", nullValue());
        given().queryParam("from", from).queryParam("to", from).when().get(REQUESTS).then().statusCode(200)
                .body("items", empty());

        given().queryParam("port", "CAVAN").when().get(REQUESTS).then().statusCode(403);
        given().queryParam("limit", 0).when().get(REQUESTS).then().statusCode(400).body("errors.field", hasItem("limit"));
        given().queryParam("limit", 1001).when().get(REQUESTS).then().statusCode(400);
        given().queryParam("cursor", "nonsense").when().get(REQUESTS).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        given().queryParam("from", "last week").when().get(REQUESTS).then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void publishesEveryDecisionForTheRegistry() {
        String imo = Imos.next();
        known(vessel(imo).designated("OFAC", "DPRK4").build());
        String id = ask(notice(imo)).statusCode(201).extract().path("id");

        Registry.Found event = Registry.find("clearance.decisions.v1",
                value -> id.equals(value.path("clearanceId").asText()));
        JsonNode value = event.value();
        assertEquals(imo, event.key());
        assertEquals("ClearanceDecided", event.eventTypeHeader());
        assertEquals(value.path("eventId").asText(), event.eventIdHeader());
        assertEquals("ClearanceDecided", value.path("eventType").asText());
        assertEquals(1, value.path("schemaVersion").asInt());
        assertEquals("DENY", value.path("decision").asText());
        assertEquals("DESIGNATED_VESSEL", value.path("reasons").path(0).asText());
        assertEquals("KRPUS", value.path("port").asText());
        assertEquals("KOR", value.path("nation").asText());
        assertEquals("EVER FAIR", value.path("name").asText());
        assertEquals("KOR", value.path("flag").asText());
    }

    @Test
    void documentsItsEndpointsInOpenApi() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/clearance/requests'.post.summary", equalTo("Decide a pre-arrival notice"))
                .body("paths.'/api/clearance/requests'.get.summary", notNullValue())
                .body("paths.'/api/clearance/requests/{id}'.get.responses.'404'", notNullValue())
                .body("paths.'/api/clearance/requests/{id}/inspection'.post.responses.'409'", notNullValue());
    }
}
