package org.interdict.gateway.edge;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.interdict.commons.problem.Problem;
import org.interdict.gateway.proxy.GatewayConfig;

/** The largest body each path takes: the gateway's limit, or a larger one for paths that take files. */
@ApplicationScoped
public class BodyLimits {

    @Inject
    GatewayConfig config;

    public long of(String path) {
        return config.largeBodies().entrySet().stream()
                .filter(entry -> path.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(config.maxBodySize())
                .asLongValue();
    }

    static Problem tooLarge(long limit) {
        return Problem.of(413, "Payload too large", "The body may be at most " + limit + " bytes on this path");
    }
}
