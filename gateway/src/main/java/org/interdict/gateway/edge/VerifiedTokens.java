package org.interdict.gateway.edge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.interdict.gateway.proxy.GatewayConfig;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The identities of bearer tokens the gateway has verified, used again for the same {@code Authorization} header for a
 * short while. Checking a token (its RS256 signature, two parses of its claims) was a third of the gateway's CPU per
 * proxied call, and a client sends the same token with every call for minutes. A remembered identity is used only
 * while its token is unexpired and for at most {@code interdict.gateway.verified-tokens.max-age} after its check, so a
 * token signed with a key the realm has withdrawn stops being honoured within that time. The services still check
 * every token themselves.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Verified(SecurityIdentity identity, long usableUntil) {
    }

    private final Map<String, Verified> byAuthorization = new ConcurrentHashMap<>();
    private final long maxAgeMillis;
    private final int maxSize;
    private final LongSupplier clock;

    @Inject
    VerifiedTokens(GatewayConfig config) {
        this(config.verifiedTokens().maxAge(), config.verifiedTokens().maxSize(), System::currentTimeMillis);
    }

    VerifiedTokens(Duration maxAge, int maxSize, LongSupplier clock) {
        this.maxAgeMillis = maxAge.toMillis();
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** The identity verified for this header, if it is still usable; otherwise null. */
    SecurityIdentity find(String authorization) {
        if (authorization == null || maxAgeMillis == 0) {
            return null;
        }
        Verified verified = byAuthorization.get(authorization);
        if (verified == null) {
            return null;
        }
        if (clock.getAsLong() >= verified.usableUntil()) {
            byAuthorization.remove(authorization, verified);
            return null;
        }
        return verified.identity();
    }

    /** Remembers the identity just verified for this header, if it came from a token with an expiry. */
    void remember(String authorization, SecurityIdentity identity) {
        if (authorization == null || maxAgeMillis == 0 || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token) || token.getExpirationTime() <= 0) {
            return;
        }
        long now = clock.getAsLong();
        long usableUntil = Math.min(token.getExpirationTime() * 1000, now + maxAgeMillis);
        if (usableUntil <= now) {
            return;
        }
        if (byAuthorization.size() >= maxSize) {
            byAuthorization.values().removeIf(verified -> now >= verified.usableUntil());
            if (byAuthorization.size() >= maxSize) {
                byAuthorization.clear();
            }
        }
        byAuthorization.put(authorization, new Verified(identity, usableUntil));
    }
}
