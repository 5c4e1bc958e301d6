package org.interdict.registry.imports;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.interdict.commons.problem.Problem;
import org.interdict.commons.problem.ProblemException;
import org.interdict.registry.RegistryConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Body size limits: list imports may be large ({@code interdict.registry.import.max-bytes}), every other body is small
 * ({@code interdict.registry.max-json-bytes}). The HTTP server's own limit sits above both, so that a caller over
 * them gets a problem+json 413 from here.
 */
public class BodyLimits {

    static final String IMPORTS = "/api/registry/imports";

    @Inject
    RegistryConfig config;

    @ServerRequestFilter(preMatching = true)
    public void refuseDeclaredOversizedBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Content-Length is not a number");
        }
        long limit = request.getUriInfo().getPath().startsWith(IMPORTS) ? importLimit() : config.maxJsonBytes().asLongValue();
        if (declared > limit) {
            throw tooLarge(limit);
        }
    }

    long importLimit() {
        return config.importing().maxBytes().asLongValue();
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(Problem.of(413, "Payload too large",
                "The request body is larger than this endpoint accepts (" + limit + " bytes)"));
    }
}
