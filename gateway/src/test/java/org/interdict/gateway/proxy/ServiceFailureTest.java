package org.interdict.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.interdict.gateway.e2e.Eventually;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;

/** A service that is down or slow gives 503 or 504 problems, and a breaker spares callers the wait. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_gateway"))
@QuarkusTestResource(FakeServices.class)
class ServiceFailureTest {

    /** The breaker's window in these tests ({@link FakeServices}). */
    private static final int WINDOW = 4;

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
        int before = FakeServices.SLOW_CALLS.get();
        for (int i = 0; i < WINDOW; i++) {
            given().when().get("/api/readouts/slow-" + i)
                    .then().statusCode(504).contentType("application/problem+json").body("status", equalTo(504));
        }
        assertEquals(before + WINDOW, FakeServices.SLOW_CALLS.get());
        given().when().get("/api/readouts/slow-open")
                .then().statusCode(503).contentType("application/problem+json");
        assertEquals(before + WINDOW, FakeServices.SLOW_CALLS.get(), "an open breaker does not call the service");
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void callersHangingUpDoNotOpenTheServicesBreaker() throws IOException {
        for (int i = 0; i <= WINDOW; i++) {
            int before = FakeServices.SLOW_CALLS.get();
            try (Socket caller = new Socket("127.0.0.1", RestAssured.port)) {
                caller.getOutputStream().write(("GET /api/registry/vessels/slow-" + i + " HTTP/1.1\r\n"
                        + "Host: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                caller.getOutputStream().flush();
                // hang up once the service is working on the call
                Eventually.until(FakeServices.SLOW_CALLS::get, calls -> calls > before);
            }
        }
        given().when().get("/api/registry/vessels").then().statusCode(200);
    }
}
