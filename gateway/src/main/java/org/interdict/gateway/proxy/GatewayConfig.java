package org.interdict.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The routing table: which path prefix goes to which service, and which roles may pass. */
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

    interface Route {

        /** A path prefix such as {@code /api/registry}: the prefix itself and everything below it. */
        String prefix();

        /** The name of the service in {@link #services()}. */
        String service();

        /** Realm roles that may pass; the service applies the finer rules. */
        List<String> roles();
    }
}
