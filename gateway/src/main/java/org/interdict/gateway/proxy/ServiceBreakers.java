package org.interdict.gateway.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * One circuit breaker per service: once most recent calls failed (refused, timed out, or answered 502/503/504), the
 * gateway answers 503 at once for a while instead of making every caller wait for the timeout.
 */
@ApplicationScoped
public class ServiceBreakers {

    @Inject
    GatewayConfig config;

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public CircuitBreaker of(String service) {
        return breakers.computeIfAbsent(service, name -> CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(config.breaker().failureRate())
                .slidingWindowSize(config.breaker().window())
                .minimumNumberOfCalls(config.breaker().window())
                .waitDurationInOpenState(config.breaker().openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build()));
    }
}
