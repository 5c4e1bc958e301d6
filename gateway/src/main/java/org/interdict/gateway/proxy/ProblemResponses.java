package org.interdict.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.interdict.commons.problem.Problem;
import org.interdict.commons.web.RequestIds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/** Problem+json answers written by the gateway itself, outside the REST layer. */
@ApplicationScoped
public class ProblemResponses {

    @Inject
    ObjectMapper json;

    public Buffer body(Problem problem, String requestId) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem.withInstance("urn:interdict:request:" + requestId)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(HttpServerResponse response, Problem problem, String requestId) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId);
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"coalition\"");
        }
        response.end(body(problem, requestId));
    }
}
