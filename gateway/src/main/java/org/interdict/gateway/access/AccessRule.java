package org.interdict.gateway.access;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of the authorization table: who may call {@code method path} at the gateway.
 *
 * @param path     a template such as {@code /api/registry/vessels/{imo}}; a {@code {name}} matches one path segment
 * @param roles    realm roles that may pass, or {@link #AUTHENTICATED} for any valid token
 * @param consumes media types a body may have; empty when the endpoint takes no body
 */
public record AccessRule(String method, String path, Set<String> roles, List<String> consumes) {

    public static final String AUTHENTICATED = "authenticated";

    public AccessRule {
        method = method.toUpperCase(Locale.ROOT);
        roles = Set.copyOf(roles);
        consumes = List.copyOf(consumes);
    }

    public boolean anyAuthenticatedCaller() {
        return roles.contains(AUTHENTICATED);
    }

    /** Whether a caller holding these roles may pass. */
    public boolean admits(Set<String> callerRoles) {
        return anyAuthenticatedCaller() || callerRoles.stream().anyMatch(roles::contains);
    }

    /** Whether a body of this media type (parameters ignored) may be sent. */
    public boolean accepts(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return consumes.contains(type);
    }

    Pattern pattern() {
        StringBuilder regex = new StringBuilder("^");
        for (String segment : path.substring(1).split("/")) {
            regex.append('/').append(segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment));
        }
        return Pattern.compile(regex.append("/?$").toString());
    }

    /** Literal segments count more than parameters, so {@code /readouts/inbox} wins over {@code /readouts/{id}}. */
    int specificity() {
        int literal = 0;
        for (String segment : path.substring(1).split("/")) {
            literal += segment.startsWith("{") ? 0 : 1;
        }
        return literal;
    }
}
