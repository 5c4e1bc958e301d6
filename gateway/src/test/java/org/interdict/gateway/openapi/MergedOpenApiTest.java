package org.interdict.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.interdict.gateway.access.AccessRules;
import org.interdict.gateway.proxy.FakeServices;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_gateway"))
@QuarkusTestResource(FakeServices.class)
class MergedOpenApiTest {

    @Test
    void servesTheMergedPublicApiWithTheRealmsSchemeWithoutAToken() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/whoami"))
                .body("paths", hasKey("/api/audit/verify"))
                .body("paths", hasKey("/api/admin/nations"))
                .body("paths", hasKey("/api/registry/fake"))
                .body("paths", not(hasKey("/q/health")))
                .body("components.schemas", hasKey("Fake"))
                .body("components.securitySchemes.oidc.type", equalTo("openIdConnect"))
                .body("components.securitySchemes.oidc.openIdConnectUrl",
                        endsWith("/realms/coalition/.well-known/openid-configuration"))
                .body("security[0]", hasKey("oidc"));
    }

    @Test
    void swaggerUiOffersTheMergedDocument() {
        given().when().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("swagger")).body(containsString("/q/openapi"));
    }

    /** A new gateway endpoint without a row in the authorization table fails here (the services': the e2e matrix). */
    @Test
    void everyOperationOfTheGatewayHasARowInTheAuthorizationTable() {
        AccessRules rules = AccessRules.load(List.of("access-rules.csv"));
        Map<String, Map<String, Object>> paths = given().when().get("/q/openapi").then().statusCode(200)
                .extract().path("paths");
        assertTrue(paths.size() > 3, paths.keySet().toString());
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> List.of("get", "post", "put", "patch", "delete").contains(method))
                .filter(method -> !path.equals("/api/registry/fake"))
                .filter(method -> rules.ruleFor(method, path.replaceAll("\\{[^}]+}", "x")).isEmpty())
                .forEach(method -> missing.add(method.toUpperCase() + " " + path)));
        assertTrue(missing.isEmpty(), "no row for " + missing);
        given().when().get("/q/openapi").then().body("info.title", notNullValue());
    }
}
