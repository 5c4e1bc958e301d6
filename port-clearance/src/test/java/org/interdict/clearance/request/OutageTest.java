package org.interdict.clearance.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.interdict.clearance.support.Vessels.vessel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.interdict.clearance.support.ClearanceTestBase;
import org.interdict.clearance.support.Imos;
import org.interdict.clearance.support.Registry;
import org.interdict.stack.InfrastructureTestResource;
import org.interdict.stack.KafkaBroker;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/** Decisions go on from the replica in memory while the registry and Kafka are away; their events wait, then go. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_clearance"))
class OutageTest extends ClearanceTestBase {

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void decidesOnWhileKafkaIsDownAndPublishesTheDecisionOnceItIsBack() {
        String clean = Imos.next();
        String designated = Imos.next();
        known(vessel(clean).build());
        known(vessel(designated).designated("UN", "KPi.074").build());

        KafkaBroker broker = InfrastructureTestResource.broker();
        broker.stop();
        String id;
        try {
            id = given().contentType(ContentType.JSON).body(notice(clean)).when().post("/api/clearance/requests")
                    .then().statusCode(201).body("decision", equalTo("CLEAR")).extract().path("id");
            given().contentType(ContentType.JSON).body(notice(designated)).when().post("/api/clearance/requests")
                    .then().statusCode(201).body("decision", equalTo("DENY"));
            given().when().get("/api/clearance/requests/" + id).then().statusCode(200);
        } finally {
            broker.start();
        }
        assertEquals(clean, Registry.find("clearance.decisions.v1",
                value -> id.equals(value.path("clearanceId").asText())).key());
    }
}
