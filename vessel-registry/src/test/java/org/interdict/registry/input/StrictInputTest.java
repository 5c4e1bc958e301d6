package org.interdict.registry.input;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.interdict.registry.support.Imos;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/**
 * Bodies the strict JSON reading (commons {@code jackson.StrictJson}) and the shared constraints refuse: each a 400
 * problem naming the field, where Jackson's defaults would have coerced the value or the database refused it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
class StrictInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name   | \"name\": 12                                   | must be a string",
            "mmsi   | \"mmsi\": 352001234                            | must be a string",
            "name   | \"name\": \"PROBE\\u0000\\u001b[31mNAME\"      | control characters",
            "name   | \"name\": \"\\ud800\"                          | unpaired surrogates",
            "name   | \"name\": \"\\u200b\\u200b\\u200b\"            | visible character",
            "grossTonnage | \"grossTonnage\": 99999999999999999999   | out of range",
            "buildYear    | \"buildYear\": 2147483648                | out of range",
            "buildYear    | \"buildYear\": 1987.5                    | must be a number",
            "imo    | \"imo\": \"0000000\"                           | must not start with 0"})
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void aVesselWithAHostileValueIsRefusedNamingTheField(String field, String member, String reason) {
        String body = "{\"imo\": \"" + Imos.next() + "\", \"name\": \"PROBE\", \"flag\": \"PAN\", " + member + "}";
        // the fixture's own value of the field goes, so that the hostile one is its only value
        body = body.replaceFirst("\"" + field + "\": \"[^\"]*\", ", "");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/registry/vessels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("detail", containsString(reason));
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void aKeyGivenTwiceIsRefusedNamingIt() {
        given().contentType(ContentType.JSON)
                .body("{\"imo\": \"" + Imos.next() + "\", \"name\": \"PROBE\", \"name\": \"OTHER\", \"flag\": \"PAN\"}")
                .when().post("/api/registry/vessels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("detail", containsString("more than once"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"0000-01-01\"        | not before 1950",
            "\"+999999999-12-31\"  | not before 1950",
            "20240115              | ISO-8601"})
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void aListingDateOutOfRangeIsRefused(String listedOn, String reason) {
        given().contentType(ContentType.JSON)
                .body("{\"authority\": \"UN\", \"reference\": \"KPe.999\", \"listedOn\": " + listedOn + "}")
                .when().post("/api/registry/vessels/" + Imos.next() + "/designations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("listedOn"))
                .body("detail", containsString(reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "type       | \"type\": 1               | documented values",
            "occurredAt | \"occurredAt\": 1e+300    | ISO-8601",
            "occurredAt | \"occurredAt\": \"1900-01-01T00:00:00Z\" | not before 1950"})
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void anIncidentWithAHostileValueIsRefusedNamingTheField(String field, String member, String reason) {
        String body = "{\"imo\": \"" + Imos.next() + "\", \"type\": \"SEIZURE\", \"occurredAt\": \"2024-03-01T00:00:00Z\","
                + " \"location\": \"Busan\", " + member + "}";
        body = body.replaceFirst("\"" + field + "\": \"[^\"]*\", ", "");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/registry/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("detail", containsString(reason));
    }
}
