package org.interdict.gateway.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The foundation, end to end through the gateway with real Keycloak tokens, Kafka and PostgreSQL. */
class FoundationIT {

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

    @Test
    void theRequestIdIsKeptOrMade() {
        Platform.as("jpn-ministry").header("X-Request-Id", "e2e-request-1").get("/api/registry/caller")
                .then().statusCode(200).header("X-Request-Id", "e2e-request-1");
        String made = Platform.as("jpn-ministry").get("/api/registry/caller")
                .then().statusCode(200).extract().header("X-Request-Id");
        org.junit.jupiter.api.Assertions.assertTrue(made != null && made.length() >= 16, made);
    }
}
