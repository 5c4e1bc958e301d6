package org.interdict.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway merges this document: every public endpoint is in it with its summary. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
class OpenApiTest {

    @Test
    void documentsEveryEndpoint() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/registry/vessels'.post.summary", equalTo("Register a vessel"))
                .body("paths.'/api/registry/vessels'.get.summary", notNullValue())
                .body("paths.'/api/registry/vessels/{imo}'.patch.summary", notNullValue())
                .body("paths.'/api/registry/vessels/{imo}/designations'.post.summary", notNullValue())
                .body("paths.'/api/registry/vessels/{imo}/designations/{id}'.delete.summary", notNullValue())
                .body("paths.'/api/registry/nominations/{id}/approval'.post.summary", notNullValue())
                .body("paths.'/api/registry/nominations/{id}/rejection'.post.summary", notNullValue())
                .body("paths.'/api/registry/nominations/{id}/endorsements'.post.summary", notNullValue())
                .body("paths.'/api/registry/incidents'.post.summary", notNullValue())
                .body("paths.'/api/registry/imports/un-1718-vessels'.post.summary", notNullValue())
                .body("paths.'/api/registry/imports/ofac-sdn'.post.summary", notNullValue());
    }
}
