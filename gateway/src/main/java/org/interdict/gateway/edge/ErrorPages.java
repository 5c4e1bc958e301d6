package org.interdict.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.interdict.commons.problem.Problem;
import org.interdict.commons.web.RequestIds;
import org.interdict.gateway.proxy.ProblemResponses;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The router's own errors (unknown paths outside {@code /api}, wrong methods, bodies too large) as problem+json. */
@ApplicationScoped
public class ErrorPages {

    @Inject
    ProblemResponses problems;

    void install(@Observes Router router) {
        router.errorHandler(404, context -> send(context, Problem.of(404, "Not found", "There is no such resource")));
        router.errorHandler(405, context -> send(context, Problem.of(405, "Method not allowed",
                "This resource does not allow " + context.request().method().name())));
        router.errorHandler(413, context -> send(context, Problem.of(413, "Payload too large",
                "The body is larger than the gateway accepts")));
        router.errorHandler(415, context -> send(context, Problem.of(415, "Unsupported media type",
                "The body's media type is not accepted here")));
    }

    private void send(RoutingContext context, Problem problem) {
        String requestId = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
        context.response().putHeader(FrontDoor.REFUSED_BY, "gateway");
        problems.send(context.response(), problem, requestId);
    }
}
