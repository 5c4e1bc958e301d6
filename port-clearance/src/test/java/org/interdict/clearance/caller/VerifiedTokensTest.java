package org.interdict.clearance.caller;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.interdict.stack.Await;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * Real bearer tokens, checked by OIDC against a key of this test's own (no identity server): a token is verified on
 * first sight, recognised after that, and refused once expired though remembered.
 */
@QuarkusTest
@TestProfile(VerifiedTokensTest.OfflineTokens.class)
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_clearance"))
class VerifiedTokensTest {

    static final String ISSUER = "https://identity.interdict.test/realms/coalition";

    /** OIDC on, verifying tokens with the test's public key rather than the realm's. */
    public static class OfflineTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.oidc.tenant-enabled", "true", "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "", "quarkus.oidc.public-key", key("verification-key.b64"),
                    "quarkus.oidc.token.issuer", ISSUER);
        }
    }

    @Inject
    MeterRegistry meters;

    @Test
    void aTokenIsVerifiedOnFirstSightThenRecognised() {
        String token = token(signingKey(), Instant.now().plusSeconds(300));
        double before = remembered();

        caller(token).statusCode(200).body("username", equalTo("busan-officer")).body("port", equalTo("KRPUS"));
        assertEquals(before + 1, remembered());

        caller(token).statusCode(200).body("username", equalTo("busan-officer")).body("nation", equalTo("KOR"));
        assertEquals(before + 1, remembered(), "recognised, not remembered twice");
    }

    @Test
    void aRememberedTokenIsRefusedOnceExpired() {
        caller(token(signingKey(), Instant.now().plusSeconds(300))).statusCode(200); // a first request is slow
        Instant expiry = Instant.now().plusSeconds(5);
        String token = token(signingKey(), expiry);
        double before = remembered();
        caller(token).statusCode(200);
        assertEquals(before + 1, remembered());

        Await.until("the token expires", () -> Instant.now().getEpochSecond() > expiry.getEpochSecond());
        caller(token).statusCode(401);
    }

    @Test
    void aTokenNotSignedByTheRealmIsRefusedAndNotRemembered() throws Exception {
        Instant expiry = Instant.now().plusSeconds(300);
        caller(token(signingKey(), expiry)).statusCode(200);
        double before = remembered();

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        caller(token(generator.generateKeyPair().getPrivate(), expiry)).statusCode(401);
        assertEquals(before, remembered());
    }

    private static io.restassured.response.ValidatableResponse caller(String token) {
        return given().auth().oauth2(token).when().get("/api/clearance/caller").then();
    }

    private double remembered() {
        return meters.get("tokens.remembered").gauge().value();
    }

    /** A port officer's access token as the realm issues them. */
    private static String token(PrivateKey key, Instant expiry) {
        return Jwt.issuer(ISSUER).audience("interdict").subject("busan-officer-id")
                .claim("preferred_username", "busan-officer").claim("nation", "KOR").claim("port", "KRPUS")
                .groups(Set.of("port-officer")).issuedAt(Instant.now()).expiresAt(expiry).jws().keyId("test")
                .sign(key);
    }

    private static PrivateKey signingKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(key("signing-key.pkcs8.b64"))));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String key(String name) {
        try (InputStream in = VerifiedTokensTest.class.getResourceAsStream("/tokens/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
