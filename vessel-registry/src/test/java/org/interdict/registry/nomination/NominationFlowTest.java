package org.interdict.registry.nomination;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interdict.registry.support.Imos;
import org.interdict.registry.support.Registry;
import org.interdict.registry.support.TopicReader;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/** One nomination's life, step by step, each step as the nation that takes it. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NominationFlowTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NOMINATIONS = "/api/registry/nominations";

    private static String imo;
    private static String nomination;
    private static String rejectedImo;
    private static String rejected;

    @Test
    @Order(1)
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void aMemberMinistryNominatesWithEvidence() {
        imo = Registry.vessel("NOMINATED TANKER", "SLE");
        nomination = given().contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "evidence", "Ship-to-ship transfer of refined oil observed 2025-11-02"))
                .when().post(NOMINATIONS)
                .then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("nation", equalTo("KOR"))
                .body("imo", equalTo(imo))
                .body("vesselName", equalTo("NOMINATED TANKER"))
                .body("endorsements", hasSize(0))
                .extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("imo", imo, "evidence", "again"))
                .when().post(NOMINATIONS).then().statusCode(409).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("imo", Imos.next(), "evidence", "unknown vessel"))
                .when().post(NOMINATIONS).then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("imo", imo))
                .when().post(NOMINATIONS).then().statusCode(400).body("errors[0].field", equalTo("evidence"));

        rejectedImo = Registry.vessel("TO BE REJECTED", "SLE");
        rejected = given().contentType(ContentType.JSON).body(Map.of("imo", rejectedImo, "evidence", "weak"))
                .when().post(NOMINATIONS).then().statusCode(201).extract().path("id");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void theNominatingNationCannotEndorse() {
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post(NOMINATIONS + "/" + nomination + "/endorsements")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void anotherMemberEndorsesOnce() {
        given().contentType(ContentType.JSON).body(Map.of("comment", "Consistent with our AIS data"))
                .when().post(NOMINATIONS + "/" + nomination + "/endorsements")
                .then().statusCode(201)
                .body("endorsements", hasSize(1))
                .body("endorsements[0].nation", equalTo("JPN"));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post(NOMINATIONS + "/" + nomination + "/endorsements")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void approvalNeedsEnoughEndorsements() {
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post(NOMINATIONS + "/" + nomination + "/approval")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "gbr-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "GBR"))
    void aSecondMemberEndorsesButMayNotApprove() {
        given().when().post(NOMINATIONS + "/" + nomination + "/endorsements")
                .then().statusCode(201).body("endorsements", hasSize(2));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post(NOMINATIONS + "/" + nomination + "/approval")
                .then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("reason", "no"))
                .when().post(NOMINATIONS + "/" + nomination + "/rejection")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void portOfficersReadButDoNotNominateOrEndorse() {
        given().when().get(NOMINATIONS + "/" + nomination).then().statusCode(200).body("status", equalTo("PENDING"));
        given().contentType(ContentType.JSON).body(Map.of("imo", rejectedImo, "evidence", "x"))
                .when().post(NOMINATIONS).then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post(NOMINATIONS + "/" + nomination + "/endorsements")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @Order(7)
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void anAdminApprovesCreatingACoalitionDesignationAndItsEvent() {
        String designation = given().when().post(NOMINATIONS + "/" + nomination + "/approval")
                .then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("admin"))
                .body("designationId", notNullValue())
                .extract().path("designationId");
        given().when().get("/api/registry/vessels/" + imo)
                .then().statusCode(200)
                .body("designated", equalTo(true))
                .body("designations[0].authority", equalTo("COALITION"))
                .body("designations[0].id", equalTo(designation));

        for (String step : new String[] {"approval", "endorsements"}) {
            given().contentType(ContentType.JSON).body(Map.of())
                    .when().post(NOMINATIONS + "/" + nomination + "/" + step)
                    .then().statusCode(409).contentType(PROBLEM);
        }
        given().contentType(ContentType.JSON).body(Map.of("reason", "too late"))
                .when().post(NOMINATIONS + "/" + nomination + "/rejection")
                .then().statusCode(409).contentType(PROBLEM);

        List<ConsumerRecord<String, String>> events = TopicReader.awaitKey("registry.designations.v1", imo,
                seen -> !seen.isEmpty());
        JsonNode event = TopicReader.json(events.get(0));
        assertEquals("VesselDesignated", event.get("eventType").asText());
        assertEquals("COALITION", event.get("authority").asText());
        assertEquals(designation, event.get("designationId").asText());
    }

    @Test
    @Order(8)
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void anAdminRejectsWithAReason() {
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post(NOMINATIONS + "/" + rejected + "/rejection")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Evidence does not identify the vessel"))
                .when().post(NOMINATIONS + "/" + rejected + "/rejection")
                .then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("Evidence does not identify the vessel"));
        given().when().get("/api/registry/vessels/" + rejectedImo).then().body("designated", equalTo(false));
        given().queryParam("status", "REJECTED").queryParam("limit", 1000).when().get(NOMINATIONS)
                .then().statusCode(200).body("items.id", hasItem(rejected));
        given().when().get(NOMINATIONS + "/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM);
    }
}
