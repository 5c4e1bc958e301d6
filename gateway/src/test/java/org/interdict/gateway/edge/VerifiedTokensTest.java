package org.interdict.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000_000L;

    private final AtomicLong clock = new AtomicLong(NOW);

    @Test
    void aVerifiedTokenIsKnownForItsHeaderOnly() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock::get);
        SecurityIdentity identity = identity("jpn-ministry", NOW + 300_000);
        tokens.remember("Bearer a", identity);

        assertSame(identity, tokens.find("Bearer a"));
        assertNull(tokens.find("Bearer b"));
        assertNull(tokens.find(null));
    }

    @Test
    void notFromTheMillisecondTheTokenExpires() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock::get);
        SecurityIdentity identity = identity("jpn-ministry", NOW + 5_000);
        tokens.remember("Bearer a", identity);

        clock.set(NOW + 4_999);
        assertSame(identity, tokens.find("Bearer a"));
        clock.set(NOW + 5_000);
        assertNull(tokens.find("Bearer a"), "an expired token is checked again (and refused)");
    }

    @Test
    void notLongerThanTheMaxAgeAfterItsCheck() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock::get);
        tokens.remember("Bearer a", identity("jpn-ministry", NOW + 300_000));

        clock.set(NOW + 60_000);
        assertNull(tokens.find("Bearer a"));
    }

    @Test
    void aMaxAgeOfZeroChecksEveryCall() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ZERO, 100, clock::get);
        tokens.remember("Bearer a", identity("jpn-ministry", NOW + 300_000));

        assertNull(tokens.find("Bearer a"));
    }

    @Test
    void onlyTokensWithAnExpiryAreRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock::get);
        tokens.remember("Bearer a", identity("no-expiry", 0));
        tokens.remember("Bearer b", identity("already-expired", NOW - 1_000));
        tokens.remember("Bearer c", QuarkusSecurityIdentity.builder().setAnonymous(true).build());

        assertNull(tokens.find("Bearer a"));
        assertNull(tokens.find("Bearer b"));
        assertNull(tokens.find("Bearer c"));
    }

    @Test
    void whenFullTheExpiredAreForgottenFirstThenAll() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 2, clock::get);
        SecurityIdentity shortLived = identity("short", NOW + 1_000);
        SecurityIdentity longLived = identity("long", NOW + 300_000);
        tokens.remember("Bearer short", shortLived);
        tokens.remember("Bearer long", longLived);

        clock.set(NOW + 2_000);
        tokens.remember("Bearer third", identity("third", NOW + 300_000));
        assertSame(longLived, tokens.find("Bearer long"), "room was made by forgetting the expired one");
        assertEquals("third", tokens.find("Bearer third").getPrincipal().getName());

        tokens.remember("Bearer fourth", identity("fourth", NOW + 300_000));
        assertNull(tokens.find("Bearer long"), "none expired: all were forgotten");
        assertEquals("fourth", tokens.find("Bearer fourth").getPrincipal().getName());
    }

    private static SecurityIdentity identity(String subject, long expiresAtMillis) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setClaim("preferred_username", subject);
        if (expiresAtMillis > 0) {
            claims.setExpirationTime(NumericDate.fromMilliseconds(expiresAtMillis));
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new OidcJwtCallerPrincipal(claims, null))
                .addRole("ministry").build();
    }
}
