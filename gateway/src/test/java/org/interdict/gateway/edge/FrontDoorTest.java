package org.interdict.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.interdict.gateway.proxy.FakeServices;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The front door on a stand-in registry that echoes what reaches it. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_gateway"))
@QuarkusTestResource(FakeServices.class)
class FrontDoorTest {

    @Test
    void aCallWithoutATokenIsRefusedByTheGatewayWithAProblem() {
        given().when().get("/api/registry/vessels")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header(FrontDoor.REFUSED_BY, "gateway")
                .header("X-Request-Id", notNullValue())
                .header("WWW-Authenticate", containsString("Bearer"))
                .header("X-Content-Type-Options", "nosniff")
                .body("status", equalTo(401));
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void theTableDecidesByMethodAndPath() {
        given().when().get("/api/registry/vessels/9176187")
                .then().statusCode(200).body("path", equalTo("/api/registry/vessels/9176187"));
        given().when().delete("/api/registry/vessels/9176187/designations/1")
                .then().statusCode(403).contentType("application/problem+json")
                .header(FrontDoor.REFUSED_BY, "gateway");
        given().when().put("/api/registry/vessels/9176187")
                .then().statusCode(405).contentType("application/problem+json").header("Allow", "GET, PATCH");
        given().when().get("/api/registry/secrets")
                .then().statusCode(404).contentType("application/problem+json")
                .header(FrontDoor.REFUSED_BY, "gateway");
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void anOfficerMayReadTheRegistryButNotWriteIt() {
        given().when().get("/api/registry/vessels").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}").when().post("/api/registry/vessels")
                .then().statusCode(403).header(FrontDoor.REFUSED_BY, "gateway");
        given().when().get("/api/readouts/inbox").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void anAdminDelistsThroughTheGateway() {
        given().when().delete("/api/registry/vessels/9176187/designations/1")
                .then().statusCode(200).body("method", equalTo("DELETE"));
    }

    @Test
    void pathsOutsideTheApiAnswerProblemsToo() {
        given().when().get("/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void bodiesAreLimitedBySizeAndMediaType() {
        String large = "{\"owner\":\"" + "x".repeat(2000) + "\"}";
        given().contentType(ContentType.JSON).body(large).when().post("/api/registry/vessels")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType("text/csv").body("x".repeat(2000)).when().post("/api/registry/imports/un-1718-vessels")
                .then().statusCode(200).body("bodyLength", equalTo(2000));
        given().contentType("text/csv").body("x".repeat(5000)).when().post("/api/registry/imports/un-1718-vessels")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("hello").when().post("/api/registry/vessels")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType("application/json; charset=UTF-8").body("{}").when().post("/api/registry/vessels")
                .then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void aChunkedBodyIsLimitedTooAndNothingOverTheLimitIsForwarded() throws Exception {
        HttpResponse<String> refused = postChunked("/api/registry/vessels", "chunked-over", 2000);
        assertEquals(413, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(null));
        assertTrue(refused.body().contains("at most 1024 bytes"), refused.body());
        assertTrue(!FakeServices.REQUEST_IDS.contains("chunked-over"), "the service saw the refused body");

        HttpResponse<String> passed = postChunked("/api/registry/vessels", "chunked-within", 1000);
        assertEquals(200, passed.statusCode(), passed.body());
        assertTrue(passed.body().contains("\"bodyLength\":1000"), passed.body());
        // the larger limit of the imports applies to chunked bodies as well
        assertEquals(200, postChunked("/api/registry/imports/un-1718-vessels", "chunked-import", 3000).statusCode());
    }

    /** Java's client sends a body of unknown length chunked, without Content-Length. */
    private static HttpResponse<String> postChunked(String path, String requestId, int size) throws Exception {
        byte[] body = "x".repeat(size).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Content-Type", path.contains("imports") ? "text/csv" : "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void theRequestIdIsKeptOrMadeAndPassedOn() {
        given().header("X-Request-Id", "case-4711").when().get("/api/registry/vessels")
                .then().statusCode(200).header("X-Request-Id", "case-4711")
                .body("headers.x-request-id", equalTo("case-4711"));
        Response made = given().header("X-Request-Id", "<script>").when().get("/api/registry/vessels");
        String id = made.header("X-Request-Id");
        assertNotEquals("<script>", id);
        assertEquals(id, made.path("headers.x-request-id"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void theTraceContinuesIntoTheServiceUnderTheGatewaysOwnSpan() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parent = "00f067aa0ba902b7";
        String seen = given().header("traceparent", "00-" + traceId + "-" + parent + "-01")
                .when().get("/api/registry/vessels")
                .then().statusCode(200).extract().path("headers.traceparent");
        String[] parts = seen.split("-");
        assertEquals(traceId, parts[1], seen);
        assertNotEquals(parent, parts[2], "the gateway's span is the service call's parent: " + seen);
        given().when().get("/api/registry/vessels")
                .then().statusCode(200).body("headers.traceparent", notNullValue());
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void noServerBannerLeavesTheGateway() {
        given().when().get("/api/registry/vessels")
                .then().statusCode(200).header("Server", nullValue()).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void browsersFromAllowedOriginsOnly() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .when().options("/api/registry/vessels")
                .then().header("Access-Control-Allow-Origin", "http://localhost:3000");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/registry/vessels")
                .then().header("Access-Control-Allow-Origin", not(equalTo("https://evil.example")));
    }

    @Test
    @TestSecurity(user = "can-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "CAN"))
    void aCallerPastTheRouteLimitGets429WithRetryAfter() {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(given().when().get("/api/limited/ping"));
        }
        Response refused = answers.stream().filter(answer -> answer.statusCode() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no 429 in " + answers.stream().map(Response::statusCode).toList()));
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
        // Each route keeps its own budget.
        given().when().get("/api/registry/vessels").then().statusCode(200);
    }
}
