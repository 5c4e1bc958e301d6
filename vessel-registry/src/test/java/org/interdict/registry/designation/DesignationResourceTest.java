package org.interdict.registry.designation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interdict.registry.support.Imos;
import org.interdict.registry.support.Registry;
import org.interdict.registry.support.TopicReader;
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

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
class DesignationResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void designatesAndDelistsKeepingTheRecordAndPublishingBoth() {
        String imo = Registry.vessel("DESIGNATED ONE", "PRK");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("authority", "un", "reference", "KPe.072", "listedOn", "2018-03-30",
                        "basis", "Resolution 2397 (2017)"))
                .when().post("/api/registry/vessels/" + imo + "/designations")
                .then().statusCode(201)
                .body("authority", equalTo("UN"))
                .body("reference", equalTo("KPe.072"))
                .body("listedOn", equalTo("2018-03-30"))
                .body("recordedBy", equalTo("admin"))
                .body("active", equalTo(true))
                .extract().path("id");
        given().when().get("/api/registry/vessels/" + imo)
                .then().statusCode(200).body("designated", equalTo(true)).body("designations", hasSize(1));

        given().contentType(ContentType.JSON).body(Map.of("authority", "UN", "reference", "KPe.072",
                        "listedOn", "2018-03-30"))
                .when().post("/api/registry/vessels/" + imo + "/designations")
                .then().statusCode(409).contentType(PROBLEM);

        given().when().delete("/api/registry/vessels/" + imo + "/designations/" + id)
                .then().statusCode(200)
                .body("active", equalTo(false))
                .body("delistedOn", notNullValue())
                .body("delistedBy", equalTo("admin"));
        given().when().get("/api/registry/vessels/" + imo)
                .then().statusCode(200)
                .body("designated", equalTo(false))
                .body("designations", hasSize(1))
                .body("designations[0].delistedOn", notNullValue());
        given().when().delete("/api/registry/vessels/" + imo + "/designations/" + id)
                .then().statusCode(409).contentType(PROBLEM);

        List<ConsumerRecord<String, String>> events = TopicReader.awaitKey("registry.designations.v1", imo,
                seen -> seen.size() >= 2);
        JsonNode designated = TopicReader.json(events.get(0));
        JsonNode delisted = TopicReader.json(events.get(1));
        assertEquals("VesselDesignated", designated.get("eventType").asText());
        assertEquals("DESIGNATED ONE", designated.get("vesselName").asText());
        assertEquals("PRK", designated.get("flag").asText());
        assertEquals(id, designated.get("designationId").asText());
        assertEquals("KPe.072", designated.get("reference").asText());
        assertEquals("VesselDelisted", delisted.get("eventType").asText());
        assertTrue(delisted.hasNonNull("delistedOn"));
        assertEquals("VesselDelisted", TopicReader.header(events.get(1), "event-type"));

        List<ConsumerRecord<String, String>> statuses = TopicReader.awaitKey("registry.vessel-status.v1", imo,
                seen -> seen.stream().anyMatch(r -> TopicReader.json(r).get("designations").size() == 1
                        && !TopicReader.json(r).get("designated").asBoolean()));
        assertTrue(statuses.stream().anyMatch(r -> TopicReader.json(r).get("designated").asBoolean()));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void refusesBadDesignationsAndUnknownTargets() {
        String imo = Registry.vessel("DESIGNATION ERRORS", "PAN");
        given().contentType(ContentType.JSON).body(Map.of("authority", "NOBODY", "listedOn", "2020-01-01"))
                .when().post("/api/registry/vessels/" + imo + "/designations")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("authority"));
        given().contentType(ContentType.JSON).body(Map.of("authority", "OFAC"))
                .when().post("/api/registry/vessels/" + imo + "/designations")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("listedOn"));
        given().contentType(ContentType.JSON).body(Map.of("authority", "JPN", "listedOn", "2020-01-01"))
                .when().post("/api/registry/vessels/" + Imos.next() + "/designations")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().delete("/api/registry/vessels/" + imo + "/designations/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void refusesMinistries() {
        String imo = Registry.vessel("NOT FOR MINISTRIES", "PAN");
        given().contentType(ContentType.JSON).body(Map.of("authority", "KOR", "listedOn", "2020-01-01"))
                .when().post("/api/registry/vessels/" + imo + "/designations")
                .then().statusCode(403).contentType(PROBLEM);
        given().when().delete("/api/registry/vessels/" + imo + "/designations/" + UUID.randomUUID())
                .then().statusCode(403).contentType(PROBLEM);
    }
}
