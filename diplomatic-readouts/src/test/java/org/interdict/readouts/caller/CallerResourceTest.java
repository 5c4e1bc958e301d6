package org.interdict.readouts.caller;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_readouts"))
class CallerResourceTest {

    @Test
    @TestSecurity(user = "jpn-user", roles = "ministry")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "JPN"), @Claim(key = "preferred_username", value = "jpn-user")})
    void seesTheCallersNationAndRoles() {
        given().when().get("/api/readouts/caller")
                .then().statusCode(200)
                .body("username", equalTo("jpn-user"))
                .body("nation", equalTo("JPN"))
                .body("roles", contains("ministry"));
    }

    @Test
    void refusesACallWithoutTokenWithAProblem() {
        given().when().get("/api/readouts/caller")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    @TestSecurity(user = "someone", roles = "port-officer")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void refusesAWrongRoleWithAProblem() {
        given().when().get("/api/readouts/caller")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
