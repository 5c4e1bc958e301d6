package org.interdict.commons.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the current request as the token describes them: who, from which nation, with which roles. */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";
    public static final String MINISTRY = "ministry";
    public static final String PORT_OFFICER = "port-officer";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String username() {
        String preferred = claim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    /** The caller's stable id (the token's subject). */
    public String subject() {
        String subject = token.getSubject();
        return subject != null ? subject : username();
    }

    /** The caller's nation, ISO 3166-1 alpha-3, from the {@code nation} claim. */
    public String nation() {
        String nation = claim("nation");
        if (nation == null || nation.isBlank()) {
            throw new io.quarkus.security.ForbiddenException("The token carries no nation");
        }
        return nation;
    }

    /** The port a port officer serves, a UN/LOCODE, from the {@code port} claim. */
    public Optional<String> port() {
        return Optional.ofNullable(claim("port")).filter(port -> !port.isBlank());
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /**
     * A string claim of the identity's token, for whoever has the identity but no request scope (the gateway's front
     * door). Read from the claims Quarkus OIDC parsed: {@link JsonWebToken#getClaim} looks every name up among the
     * standard claims first, by an enum valueOf that throws (and fills in a stack trace) for any other name, nation and
     * port included.
     */
    public static String claim(SecurityIdentity identity, String name) {
        Object value = identity.getPrincipal() instanceof OidcJwtCallerPrincipal oidc
                ? oidc.getClaims().getClaimValue(name)
                : identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(name) : null;
        // JSON-valued claims print with their quotes
        return value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
    }

    private String claim(String name) {
        return claim(identity, name);
    }
}
