package org.interdict.gateway.edge;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.interdict.commons.problem.Problem;
import org.interdict.commons.security.Caller;
import org.interdict.commons.web.RequestIds;
import org.interdict.gateway.access.AccessRule;
import org.interdict.gateway.access.AccessRules;
import org.interdict.gateway.audit.AuditEntry;
import org.interdict.gateway.audit.AuditLog;
import org.interdict.gateway.proxy.GatewayConfig;
import org.interdict.gateway.proxy.ProblemResponses;
import org.interdict.gateway.ratelimit.RateLimits;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every {@code /api} call passes here first, in this order: request id, the audit of write calls (written
 * when the answer is sent, whatever it is), declared body size, token (checked, or recognised by commons
 * {@code security.VerifiedTokens}), rate limit, whether the audit log can take the call's entry (write calls: it is
 * neither failing nor full), the authorization table (404, 405, 401, 403) and body media type. Only then does it
 * reach the proxy or the gateway's own resources. A refusal from here carries {@link #REFUSED_BY}.
 */
@ApplicationScoped
public class FrontDoor {

    /** Set on every answer the gateway gives instead of passing the call on. */
    public static final String REFUSED_BY = "X-Interdict-Refused-By";
    /** After Quarkus' authentication handler (-200), before the proxy routes (-100). */
    static final int ORDER = -150;
    /** The routing context's key of the authenticated caller, for the audit. */
    private static final String CALLER = "interdict.caller";
    /** The routing context's key set once the call's audit entry has its place in the audit queue. */
    private static final String AUDIT_RESERVED = "interdict.audit-reserved";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Logger LOG = Logger.getLogger(FrontDoor.class);
    private static final BiConsumer<RoutingContext, Throwable> IGNORE_AUTH_FAILURE = (context, failure) -> {
    };

    @Inject
    GatewayConfig config;

    @Inject
    IdentityProviderManager identityProviders;

    @Inject
    ProblemResponses problems;

    @Inject
    RateLimits rateLimits;

    @Inject
    AuditLog audit;

    @Inject
    BodyLimits bodyLimits;

    private AccessRules rules;

    @PostConstruct
    void loadRules() {
        rules = AccessRules.load(config.accessRules());
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::admit);
        LOG.infof("Authorization table: %d endpoints", rules.rules().size());
    }

    private void admit(RoutingContext context) {
        HttpServerRequest request = context.request();
        request.pause();
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        RequestIds.set(requestId);
        request.headers().set(RequestIds.HEADER, requestId);
        context.response().putHeader(RequestIds.HEADER, requestId);
        if (WRITES.contains(request.method().name())) {
            auditOnEnd(context, requestId);
        }
        long limit = bodyLimits.of(request.path());
        Long declared = declaredLength(request);
        if (declared != null && declared > limit) {
            context.response().putHeader("Connection", "close");
            refuse(context, BodyLimits.tooLarge(limit), requestId);
            return;
        }
        // A bad token is answered below, as a problem, rather than by the mechanism's bare challenge.
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, IGNORE_AUTH_FAILURE);
        Context vertxContext = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(context, identityProviders).subscribe().with(
                identity -> vertxContext.runOnContext(ignored -> decide(context, identity, null, requestId)),
                failure -> vertxContext.runOnContext(ignored -> decide(context, null, failure, requestId)));
    }

    private void decide(RoutingContext context, SecurityIdentity identity, Throwable failure, String requestId) {
        HttpServerRequest request = context.request();
        boolean authenticated = identity != null && !identity.isAnonymous();
        if (authenticated) {
            context.put(CALLER, identity);
        }
        String caller = authenticated ? "sub:" + subject(identity) : "addr:" + clientAddress(request);
        RateLimits.Verdict verdict = rateLimits.consume(routeName(request.path()), caller);
        if (!verdict.allowed()) {
            long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
            context.response().putHeader("Retry-After", Long.toString(seconds));
            refuse(context, Problem.of(429, "Too many requests",
                    "You have sent too many requests; retry in " + seconds + " s"), requestId);
            return;
        }
        if (failure != null && !(failure instanceof AuthenticationFailedException)) {
            LOG.warnf("Could not check a token: %s", failure.getClass().getSimpleName());
            refuse(context, Problem.of(503, "Service unavailable",
                    "The identity service cannot be reached to check the token; retry shortly"), requestId);
            return;
        }
        if (!authenticated) {
            refuse(context, Problem.of(401, "Unauthorized", failure == null
                    ? "A valid bearer token from the coalition realm is required"
                    : "The bearer token is not valid: it must be signed by the coalition realm, meant for Interdict"
                            + " and unexpired"), requestId);
            return;
        }
        if (WRITES.contains(request.method().name())) {
            if (!audit.reserve()) {
                context.response().putHeader("Retry-After", "5");
                refuse(context, Problem.of(503, "Service unavailable",
                        "The audit log cannot be written just now, so write calls are refused; retry shortly"),
                        requestId);
                return;
            }
            context.put(AUDIT_RESERVED, true);
        }
        AccessRules.Decision decision = rules.decide(request.method().name(), request.path());
        if (decision instanceof AccessRules.Decision.UnknownPath) {
            refuse(context, Problem.of(404, "Not found", "There is no such endpoint"), requestId);
        } else if (decision instanceof AccessRules.Decision.MethodNotAllowed notAllowed) {
            context.response().putHeader("Allow", String.join(", ", notAllowed.allowed()));
            refuse(context, Problem.of(405, "Method not allowed",
                    "This endpoint allows " + String.join(", ", notAllowed.allowed())), requestId);
        } else if (decision instanceof AccessRules.Decision.Allowed allowed) {
            pass(context, identity, allowed.rule(), requestId);
        }
    }

    private void pass(RoutingContext context, SecurityIdentity identity, AccessRule rule, String requestId) {
        HttpServerRequest request = context.request();
        if (!rule.admits(identity.getRoles())) {
            refuse(context, Problem.of(403, "Forbidden",
                    "Your role may not " + rule.method() + " " + rule.path()), requestId);
        } else if (hasBody(request) && !rule.accepts(request.getHeader("Content-Type"))) {
            refuse(context, Problem.of(415, "Unsupported media type", rule.consumes().isEmpty()
                    ? "This endpoint takes no body"
                    : "The body must be one of: " + String.join(", ", rule.consumes())), requestId);
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context, Problem problem, String requestId) {
        if (context.response().headWritten()) {
            // The authentication mechanism already answered (it may, on an HTTP/2 upgrade).
            return;
        }
        context.response().putHeader(REFUSED_BY, "gateway");
        problems.send(context.response(), problem, requestId);
    }

    /**
     * Every write call is audited when its answer is sent, refused or not: by the caller once the token is known,
     * as {@link AuditEntry#ANONYMOUS} when there is none or the call was refused before it was read.
     */
    private void auditOnEnd(RoutingContext context, String requestId) {
        Instant at = Instant.now();
        HttpServerRequest request = context.request();
        String method = request.method().name();
        String path = request.path();
        context.addEndHandler(ended -> {
            SecurityIdentity identity = context.get(CALLER);
            int status = context.response().getStatusCode();
            audit.append(identity == null
                    ? new AuditEntry(at, AuditEntry.ANONYMOUS, null, null, "", method, path, status, requestId)
                    : new AuditEntry(at, username(identity), subject(identity), Caller.claim(identity, "nation"),
                            String.join(" ", new TreeSet<>(identity.getRoles())), method, path, status, requestId),
                    context.get(AUDIT_RESERVED) != null);
        });
    }

    private static Long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? null : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        Long length = declaredLength(request);
        return (length != null && length > 0) || request.getHeader("Transfer-Encoding") != null;
    }

    private String routeName(String path) {
        return config.routes().entrySet().stream()
                .filter(route -> path.equals(route.getValue().prefix())
                        || path.startsWith(route.getValue().prefix() + "/"))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("gateway");
    }

    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static String subject(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject()
                : identity.getPrincipal().getName();
    }

    private static String username(SecurityIdentity identity) {
        String preferred = Caller.claim(identity, "preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }
}
