package org.interdict.gateway.proxy;

import java.net.URI;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.interdict.commons.problem.Problem;
import org.interdict.commons.web.RequestIds;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The reverse proxy: one route per entry of the routing table. The caller's token is checked here (signature,
 * issuer, audience, expiry, role) and passed on unchanged, so each service checks it again and applies its own rules.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    @Inject
    GatewayConfig config;

    @Inject
    IdentityProviderManager identityProviders;

    @Inject
    ProblemResponses problems;

    void install(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(200)
                .setKeepAlive(true));
        config.routes().forEach((name, route) -> {
            URI target = config.services().get(route.service());
            if (target == null) {
                throw new IllegalStateException("Route " + name + " names unknown service " + route.service());
            }
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originRequestProvider((request, httpClient) -> httpClient.request(new RequestOptions()
                            .setHost(target.getHost())
                            .setPort(target.getPort())
                            .setIdleTimeout(config.responseTimeout().toMillis())))
                    .addInterceptor(new UnavailableService(route.service()));
            router.routeWithRegex("^" + Pattern.quote(route.prefix()) + "(/.*)?$").order(-100)
                    .handler(context -> forward(context, route, proxy));
            LOG.infof("Route %s* -> %s (%s)", route.prefix(), route.service(), String.join(", ", route.roles()));
        });
    }

    private void forward(RoutingContext context, GatewayConfig.Route route, HttpProxy proxy) {
        HttpServerRequest request = context.request();
        request.pause();
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        request.headers().set(RequestIds.HEADER, requestId);
        context.response().putHeader(RequestIds.HEADER, requestId);
        Context vertxContext = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(context, identityProviders).subscribe().with(
                identity -> vertxContext.runOnContext(ignored -> authorize(context, route, proxy, identity, requestId)),
                failure -> vertxContext.runOnContext(ignored -> refuse(context, failure, requestId)));
    }

    private void authorize(RoutingContext context, GatewayConfig.Route route, HttpProxy proxy, SecurityIdentity identity,
            String requestId) {
        if (identity.isAnonymous()) {
            problems.send(context.response(), Problem.of(401, "Unauthorized",
                    "A valid bearer token from the coalition realm is required"), requestId);
        } else if (route.roles().stream().noneMatch(identity::hasRole)) {
            problems.send(context.response(), Problem.of(403, "Forbidden",
                    "Your role may not use " + route.prefix()), requestId);
        } else {
            proxy.handle(context.request());
        }
    }

    private void refuse(RoutingContext context, Throwable failure, String requestId) {
        if (failure instanceof AuthenticationFailedException) {
            problems.send(context.response(), Problem.of(401, "Unauthorized",
                    "The bearer token is not valid: it must be signed by the coalition realm, meant for Interdict and"
                            + " unexpired"), requestId);
        } else {
            LOG.warnf("Could not check a token: %s", failure.getMessage());
            problems.send(context.response(), Problem.of(503, "Service unavailable",
                    "The identity service cannot be reached to check the token; retry shortly"), requestId);
        }
    }

    /** A service that refuses connections or stays silent gets a problem answer, never a hang or a bare 502. */
    private final class UnavailableService implements ProxyInterceptor {

        private final String service;

        UnavailableService(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext proxyContext) {
            return proxyContext.sendRequest().recover(failure -> {
                boolean timeout = failure instanceof java.util.concurrent.TimeoutException
                        || String.valueOf(failure.getMessage()).contains("timeout");
                int status = timeout ? 504 : 503;
                LOG.warnf("The %s service failed (%d): %s", service, status, failure.getMessage());
                String requestId = proxyContext.request().headers().get(RequestIds.HEADER);
                Problem problem = Problem.of(status, timeout ? "Gateway timeout" : "Service unavailable",
                        "The " + service + " service " + (timeout ? "did not answer in time" : "is unavailable")
                                + "; retry shortly");
                ProxyResponse response = proxyContext.request().response()
                        .setStatusCode(status)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Retry-After", "5")
                        .setBody(Body.body(problems.body(problem, requestId)));
                return Future.succeededFuture(response);
            });
        }
    }

}
