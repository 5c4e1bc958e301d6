package org.interdict.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.interdict.gateway.proxy.GatewayConfig;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets per route and caller (the token's subject, or the client address for calls without a valid token).
 * A bucket idle for longer than it takes to refill completely is dropped: a new one would be identical, so eviction
 * bounds memory without ever forgiving a caller.
 */
@ApplicationScoped
public class RateLimits {

    /** The outcome of one call: allowed, or refused with the wait until the next token. */
    public record Verdict(boolean allowed, Duration retryAfter) {
    }

    private static final long MAX_BUCKETS = 200_000;

    @Inject
    GatewayConfig config;

    private final Map<String, Cache<String, Bucket>> buckets = new ConcurrentHashMap<>();

    /**
     * @param route  a route name of the routing table, or {@code gateway} for the gateway's own paths
     * @param caller {@code sub:<subject>} or {@code addr:<address>}
     */
    public Verdict consume(String route, String caller) {
        GatewayConfig.RateLimit limit = limitOf(route);
        Bucket bucket = buckets.computeIfAbsent(route, name -> newCache(limit)).get(caller, key -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Verdict(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private GatewayConfig.RateLimit limitOf(String route) {
        GatewayConfig.Route configured = config.routes().get(route);
        return configured == null ? config.rateLimit() : configured.rateLimit().orElse(config.rateLimit());
    }

    private static Cache<String, Bucket> newCache(GatewayConfig.RateLimit limit) {
        long refillMillis = Math.max(1, (1000 * limit.burst()) / Math.max(1, limit.perSecond()));
        return Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMillis(refillMillis + 1000))
                .maximumSize(MAX_BUCKETS)
                .build();
    }

    private static Bucket newBucket(GatewayConfig.RateLimit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst())
                        .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)).build())
                .build();
    }
}
