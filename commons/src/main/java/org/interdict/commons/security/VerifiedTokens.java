package org.interdict.commons.security;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens already verified, with the identity each gave, until the token expires, in every service and the
 * gateway. Checking an RS256 token costs more CPU than the rest of a clearance decision (the signature, and the
 * token's JSON parsed several times over), and a third of the gateway's work per proxied call, while a client sends
 * the same token with every request until it expires: so a token is verified by OIDC on first sight only
 * ({@link RememberVerifiedTokens}), and recognised after that.
 *
 * <p>A token is remembered by its whole text, which its signature covers: only the very token that was verified is
 * let through again, and never once past its expiry ({@code exp}), when OIDC refuses it. What this gives up: a
 * signing key withdrawn from the realm still admits the tokens it had signed until they expire (minutes), as it does
 * in any service that checks tokens offline until its next fetch of the keys. Who may ask what is still decided on
 * each request (roles, port, membership).</p>
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** Tokens live minutes and officers are few: beyond this many, further tokens are simply verified every time. */
    static final int CAPACITY = 10_000;

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(SecurityIdentity identity, long expiresAt) {

        boolean expired(long nowSeconds) {
            return nowSeconds >= expiresAt;
        }
    }

    @Inject
    VerifiedTokens(MeterRegistry registry) {
        Gauge.builder("tokens.remembered", verified, ConcurrentHashMap::size)
                .description("Verified bearer tokens recognised without verifying them again").register(registry);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Asked before OIDC's provider, which verifies whatever this one does not recognise. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        Verified known = token == null ? null : verified.get(token);
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        if (known.expired(Instant.now().getEpochSecond())) {
            verified.remove(token, known);
            return Uni.createFrom().nullItem();
        }
        // the one attribute OIDC ties to a request: which request this identity is for
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known.identity())
                .addAttribute(RoutingContext.class.getName(), HttpSecurityUtils.getRoutingContextAttribute(request))
                .build());
    }

    /** Remembers the identity OIDC gave for a bearer token it verified, until the token expires. */
    void remember(SecurityIdentity identity) {
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential == null || credential.getToken() == null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long now = Instant.now().getEpochSecond();
        Verified entry = new Verified(identity, jwt.getExpirationTime());
        if (entry.expired(now) || verified.containsKey(credential.getToken())) {
            return;
        }
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(known -> known.expired(now));
            if (verified.size() >= CAPACITY) {
                return;
            }
        }
        verified.putIfAbsent(credential.getToken(), entry);
    }
}
