package org.interdict.gateway.nation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.interdict.stack.InfrastructureTestResource;
import org.interdict.stack.TopicReader;
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
        initArgs = @ResourceArg(name = "database", value = "interdict_test_gateway"))
class NationResourceTest {

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void listsTheSeededNationsWithChinaAndRussiaAsNonMembers() {
        given().when().get("/api/admin/nations")
                .then().statusCode(200)
                .body("items.code", hasItem("KOR"))
                .body("items.find { it.code == 'CHN' }.member", equalTo(false))
                .body("items.find { it.code == 'RUS' }.member", equalTo(false))
                .body("items.find { it.code == 'JPN' }.member", equalTo(true))
                .body("next", equalTo(null));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void addsANationAndPublishesEachChangeOnTheNationsTopic() {
        given().contentType(ContentType.JSON).body("{\"code\":\"COL\",\"name\":\"Colombia\",\"member\":true}")
                .when().post("/api/admin/nations")
                .then().statusCode(201).body("code", equalTo("COL")).body("status", equalTo("ACTIVE"));
        given().contentType(ContentType.JSON).body("{\"code\":\"COL\",\"name\":\"Colombia\",\"member\":true}")
                .when().post("/api/admin/nations")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"status\":\"SUSPENDED\"}")
                .when().patch("/api/admin/nations/COL")
                .then().statusCode(200).body("status", equalTo("SUSPENDED")).body("version", equalTo(2));
        List<String> events = TopicReader.valuesFor(InfrastructureTestResource.broker().bootstrapServers(),
                "coalition.nations.v1", "COL", 2, Duration.ofSeconds(30));
        assertTrue(events.get(0).contains("\"status\":\"ACTIVE\"") && events.get(0).contains("\"version\":1"), events.get(0));
        assertTrue(events.get(1).contains("\"status\":\"SUSPENDED\"") && events.get(1).contains("\"version\":2"), events.get(1));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void refusesAnUnassignedCodeAndBadStatus() {
        given().contentType(ContentType.JSON).body("{\"code\":\"XYZ\",\"name\":\"Nowhere\",\"member\":true}")
                .when().post("/api/admin/nations")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("code"));
        given().contentType(ContentType.JSON).body("{\"code\":\"col\",\"name\":\"Colombia\",\"member\":true}")
                .when().post("/api/admin/nations")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().contentType(ContentType.JSON).body("{\"status\":\"ASLEEP\"}")
                .when().patch("/api/admin/nations/KOR")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void refusesNonAdmins() {
        given().when().get("/api/admin/nations").then().statusCode(403).contentType("application/problem+json");
    }
}
