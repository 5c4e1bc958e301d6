package org.interdict.gateway.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.interdict.stack.Stack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The foundation, end to end through the gateway with real Keycloak tokens, Kafka and PostgreSQL. */
class FoundationIT {

    /** Seconds: long enough for a few calls on a loaded machine, short enough to wait for within Eventually's bound. */
    private static final long SHORT_LIFESPAN = 20;

    @Test
    void whoamiAnswersWithTheCallersIdentity() {
        Platform.as("jpn-ministry").get("/api/whoami")
                .then().statusCode(200)
                .body("username", equalTo("jpn-ministry"))
                .body("nation", equalTo("JPN"))
                .body("roles", contains("ministry"))
                .body("port", nullValue());
        Platform.as("busan-officer").get("/api/whoami")
                .then().statusCode(200)
                .body("nation", equalTo("KOR"))
                .body("roles", contains("port-officer"))
                .body("port", equalTo("KRPUS"));
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "admin, registry, 200", "admin, clearance, 200", "admin, readouts, 200",
            "jpn-ministry, registry, 200", "jpn-ministry, clearance, 403", "jpn-ministry, readouts, 200",
            "busan-officer, registry, 200", "busan-officer, clearance, 200", "busan-officer, readouts, 403"})
    void eachRoleReachesTheServicesItMayUseWithItsIdentityIntact(String user, String service, int status) {
        var response = Platform.as(user).get("/api/" + service + "/caller").then().statusCode(status);
        if (status == 200) {
            response.body("username", equalTo(user));
        } else {
            response.contentType("application/problem+json").body("status", equalTo(status));
        }
    }

    @Test
    void theServiceSeesTheNationFromTheTokenPassedOn() {
        Platform.as("jpn-ministry").get("/api/registry/caller")
                .then().statusCode(200)
                .body("service", equalTo("vessel-registry"))
                .body("nation", equalTo("JPN"));
        Platform.as("vancouver-officer").get("/api/clearance/caller")
                .then().statusCode(200)
                .body("nation", equalTo("CAN"))
                .body("port", equalTo("CAVAN"));
    }

    @Test
    void aCallWithoutTokenIsRefusedWithAProblem() {
        Platform.gateway().get("/api/registry/caller")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"coalition\"")
                .body("status", equalTo(401));
        Platform.gateway().get("/api/whoami")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aForgedTokenIsRefusedWithAProblem() throws Exception {
        String[] real = Tokens.of("jpn-ministry").split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(generator.generateKeyPair().getPrivate());
        signer.update((real[0] + "." + real[1]).getBytes(StandardCharsets.US_ASCII));
        String forged = real[0] + "." + real[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        for (String path : new String[] {"/api/registry/caller", "/api/whoami"}) {
            Platform.gateway().auth().oauth2(forged).get(path)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] real = Tokens.of("jpn-ministry").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(real[1]), StandardCharsets.UTF_8)
                .replace("\"JPN\"", "\"USA\"");
        String tampered = real[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + real[2];
        Platform.gateway().auth().oauth2(tampered).get("/api/readouts/caller")
                .then().statusCode(401).contentType("application/problem+json");
    }

    /**
     * A genuine token from a copy of coalition-cli whose tokens live seconds. No service sets
     * {@code quarkus.oidc.token.lifespan-grace}, so jose4j allows no clock skew: no call sent from the second of expiry
     * on is accepted, and none answered before it is refused (the test and the stack share one clock).
     */
    @Test
    void anExpiredTokenIsRefusedWithAProblemThroughTheGatewayAndAtEachService() {
        Platform.as("jpn-ministry").get("/api/registry/caller").then().statusCode(200); // the path warm: a first call is slow
        String client = "coalition-cli-short-lived";
        RealmAdmin.copyClient("coalition-cli", client, Map.of("access.token.lifespan", String.valueOf(SHORT_LIFESPAN)));
        try {
            String token = Tokens.login("jpn-ministry", client).then().statusCode(200).extract().path("access_token");
            JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    StandardCharsets.UTF_8));
            assertEquals(SHORT_LIFESPAN, claims.getLong("exp") - claims.getLong("iat"), "the copy's token lifespan");
            Object audience = claims.get("aud");
            assertTrue(String.valueOf(audience).contains("interdict"), "audience " + audience);
            long expiresAt = claims.getLong("exp") * 1000;

            List<Call> calls = new ArrayList<>();
            Call refused = Eventually.until(() -> {
                calls.add(Call.of(Platform.gateway().auth().oauth2(token), "/api/registry/caller"));
                return calls.get(calls.size() - 1);
            }, call -> call.answer().statusCode() != 200);
            for (Call call : calls.subList(0, calls.size() - 1)) {
                assertTrue(call.sentAt() < expiresAt, "accepted when sent " + (call.sentAt() - expiresAt)
                        + " ms after expiry");
            }
            assertTrue(calls.size() > 1, "no call was answered while the token was valid (the first was sent "
                    + (expiresAt - calls.get(0).sentAt()) + " ms before expiry and answered "
                    + refused.answer().statusCode() + " " + refused.answer().asString() + ")");
            refused.answer().then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
            assertTrue(refused.receivedAt() >= expiresAt, "refused " + (expiresAt - refused.receivedAt())
                    + " ms before expiry");

            for (Stack.App service : List.of(Stack.App.REGISTRY, Stack.App.CLEARANCE, Stack.App.READOUTS)) {
                RestAssured.given().baseUri(Platform.stack().app(service).url()).auth().oauth2(token)
                        .get("/api/" + service.shortName() + "/caller")
                        .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
            }
        } finally {
            RealmAdmin.deleteClient(client);
        }
    }

    /** A call and when it was sent and answered, by this machine's clock. */
    private record Call(long sentAt, Response answer, long receivedAt) {

        static Call of(RequestSpecification request, String path) {
            long sentAt = System.currentTimeMillis();
            Response answer = request.get(path);
            return new Call(sentAt, answer, System.currentTimeMillis());
        }
    }

    @Test
    void theRequestIdIsKeptOrMade() {
        Platform.as("jpn-ministry").header("X-Request-Id", "e2e-request-1").get("/api/registry/caller")
                .then().statusCode(200).header("X-Request-Id", "e2e-request-1");
        String made = Platform.as("jpn-ministry").get("/api/registry/caller")
                .then().statusCode(200).extract().header("X-Request-Id");
        org.junit.jupiter.api.Assertions.assertTrue(made != null && made.length() >= 16, made);
    }
}
