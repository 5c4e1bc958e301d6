package org.interdict.gateway.proxy;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.interdict.commons.problem.Problem;
import org.interdict.commons.web.RequestIds;
import org.interdict.gateway.edge.ChunkedBodies;
import org.jboss.logging.Logger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The reverse proxy: one route per entry of the routing table. The caller's token was checked before (signature,
 * issuer, audience, expiry, and the authorization table, in {@code edge.FrontDoor}) and is passed on unchanged, so
 * each service checks it again and applies its own rules.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    @Inject
    GatewayConfig config;

    @Inject
    ServiceBreakers breakers;

    @Inject
    ProblemResponses problems;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    ChunkedBodies chunkedBodies;

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
                    .addInterceptor(chunkedBodies)
                    .addInterceptor(new UnavailableService(route.service()));
            router.routeWithRegex("^" + Pattern.quote(route.prefix()) + "(/.*)?$").order(-100)
                    .handler(context -> proxy.handle(context.request()));
            LOG.infof("Route %s* -> %s", route.prefix(), route.service());
        });
    }

    /**
     * A service that refuses connections or stays silent gets a problem answer, never a hang or a bare 502. Only the
     * service's own failures count towards its breaker: a caller hanging up mid-call is not one.
     */
    private final class UnavailableService implements ProxyInterceptor {

        private final String service;

        UnavailableService(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext proxyContext) {
            CircuitBreaker breaker = breakers.of(service);
            if (!breaker.tryAcquirePermission()) {
                return Future.succeededFuture(problem(proxyContext, 503, "Service unavailable",
                        "The " + service + " service is unavailable; retry shortly"));
            }
            continueTrace(proxyContext.request().headers());
            long start = System.nanoTime();
            return proxyContext.sendRequest().map(response -> {
                int status = response.getStatusCode();
                if (status == 502 || status == 503 || status == 504) {
                    breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS,
                            new IllegalStateException("answered " + status));
                } else {
                    breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
                return response;
            }).recover(failure -> {
                if (proxyContext.request().proxiedRequest().response().closed()) {
                    // The caller hung up and the call to the service was cut short for it: no fault of the service,
                    // and nobody is left to answer.
                    breaker.releasePermission();
                    return Future.failedFuture(failure);
                }
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
                boolean timeout = failure instanceof java.util.concurrent.TimeoutException
                        || String.valueOf(failure.getMessage()).contains("timeout");
                int status = timeout ? 504 : 503;
                LOG.warnf("The %s service failed (%d): %s", service, status, failure.getClass().getSimpleName());
                return Future.succeededFuture(problem(proxyContext, status,
                        timeout ? "Gateway timeout" : "Service unavailable",
                        "The " + service + " service " + (timeout ? "did not answer in time" : "is unavailable")
                                + "; retry shortly"));
            });
        }

        /** The service's span becomes a child of the gateway's, not of the caller's. */
        private void continueTrace(MultiMap headers) {
            if (Span.current().getSpanContext().isValid()) {
                headers.remove("traceparent").remove("tracestate");
                openTelemetry.getPropagators().getTextMapPropagator()
                        .inject(io.opentelemetry.context.Context.current(), headers, (carrier, key, value) -> carrier.set(key, value));
            }
        }

        private ProxyResponse problem(ProxyContext proxyContext, int status, String title, String detail) {
            String requestId = proxyContext.request().headers().get(RequestIds.HEADER);
            return proxyContext.request().response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", Long.toString(Math.max(1, config.breaker().openFor().toSeconds())))
                    .setBody(Body.body(problems.body(Problem.of(status, title, detail), requestId)));
        }
    }

}
