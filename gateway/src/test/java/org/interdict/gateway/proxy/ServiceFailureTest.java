package org.interdict.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** A service that is down or slow gives 503 or 504 problems, and a breaker spares callers the wait. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_gateway"))
@QuarkusTestResource(FakeServices.class)
class ServiceFailureTest {

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void aStoppedServiceAnswers503ProblemWithoutItsAddress() {
        given().when().get("/api/clearance/requests/1")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(503))
                .body(not(containsString("127.0.0.1")));
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void aSlowServiceTimesOutThenItsBreakerOpens() {
        int window = 4;
        for (int i = 0; i < window; i++) {
            given().when().get("/api/readouts/slow-" + i)
                    .then().statusCode(504).contentType("application/problem+json").body("status", equalTo(504));
        }
        assertEquals(window, FakeServices.SLOW_CALLS.get());
        given().when().get("/api/readouts/slow-open")
                .then().statusCode(503).contentType("application/problem+json");
        assertEquals(window, FakeServices.SLOW_CALLS.get(), "an open breaker does not call the service");
    }
}
