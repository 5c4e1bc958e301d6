package org.interdict.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The routing table: which path prefix goes to which service; who may pass is in {@link #accessRules()}. */
@ConfigMapping(prefix = "interdict.gateway")
public interface GatewayConfig {

    /** Each service's base URL, by name. */
    Map<String, URI> services();

    Map<String, Route> routes();

    /** How long to wait for a service to accept a connection before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a service may stay silent before the gateway answers 504. */
    @WithDefault("15s")
    Duration responseTimeout();

    /** Classpath CSV files of the authorization table, read in order (docs/AUTHORIZATION.md). */
    @WithDefault("access-rules.csv")
    List<String> accessRules();

    /** The largest body the gateway lets through, declared by Content-Length or sent chunked. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Larger limits for path prefixes that take files, such as the list imports. */
    Map<String, MemorySize> largeBodies();

    /** The limit of every route that sets none, and of the gateway's own paths. */
    RateLimit rateLimit();

    /** Per service: when the gateway stops calling a failing service for a while, answering 503 at once. */
    Breaker breaker();

    Audit audit();

    /** Requests per caller: a bucket of {@code burst} tokens refilled at {@code perSecond}. */
    interface RateLimit {

        @WithDefault("50")
        long perSecond();

        @WithDefault("100")
        long burst();
    }

    interface Breaker {

        /** Failure percentage over the last calls that opens the breaker. */
        @WithDefault("50")
        float failureRate();

        /** Calls counted before the rate means anything, and the size of the sliding window. */
        @WithDefault("10")
        int window();

        /** How long an open breaker refuses calls before letting a few through to test the service. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface Audit {

        /**
         * Audit entries waiting to be written, at most: while the queue is full new write calls are refused with
         * 503, rather than the gateway's memory growing with a backlog.
         */
        @WithDefault("10000")
        int queueSize();

        /**
         * How long the writer waits, once an entry is queued, for more to join its transaction. Entries are written
         * after the call's answer, so nobody waits for it; fewer, larger transactions spare the database a commit
         * (and the gateway a lock, a head read and a round trip) per handful of calls under load.
         */
        @WithDefault("20ms")
        Duration linger();
    }

    interface Route {

        /** A path prefix such as {@code /api/registry}: the prefix itself and everything below it. */
        String prefix();

        /** The name of the service in {@link #services()}. */
        String service();

        /** This route's own limit per caller, e.g. higher for clearance (officers at busy ports). */
        Optional<RateLimit> rateLimit();
    }
}
