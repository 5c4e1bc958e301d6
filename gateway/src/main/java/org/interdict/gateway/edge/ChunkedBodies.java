package org.interdict.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.interdict.commons.problem.Problem;
import org.interdict.commons.web.RequestIds;
import org.interdict.gateway.proxy.ProblemResponses;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * A body sent without a Content-Length (chunked) is read up to its path's limit before anything is forwarded: over
 * the limit the caller gets 413 and the service sees nothing; within it the service gets the body with its length.
 * A declared Content-Length is checked earlier, by the front door, without reading the body.
 */
@ApplicationScoped
public class ChunkedBodies implements ProxyInterceptor {

    @Inject
    BodyLimits limits;

    @Inject
    ProblemResponses problems;

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        if (body == null || body.length() >= 0) {
            return context.sendRequest();
        }
        long limit = limits.of(request.proxiedRequest().path());
        Buffer collected = Buffer.buffer();
        Promise<Boolean> read = Promise.promise();
        ReadStream<Buffer> stream = body.stream();
        stream.handler(chunk -> {
            // past the limit the rest is read and dropped, so that the connection is not left half-read
            if (collected.length() + (long) chunk.length() > limit) {
                read.tryComplete(false);
            } else if (!read.future().isComplete()) {
                collected.appendBuffer(chunk);
            }
        });
        stream.exceptionHandler(read::tryFail);
        stream.endHandler(ended -> read.tryComplete(true));
        stream.resume();
        return read.future().compose(within -> {
            if (within) {
                request.setBody(Body.body(collected));
                return context.sendRequest();
            }
            return Future.succeededFuture(tooLarge(request, limit));
        });
    }

    private ProxyResponse tooLarge(ProxyRequest request, long limit) {
        String requestId = request.headers().get(RequestIds.HEADER);
        request.proxiedRequest().response().putHeader("Connection", "close").putHeader(FrontDoor.REFUSED_BY, "gateway");
        return request.response()
                .setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .setBody(Body.body(problems.body(BodyLimits.tooLarge(limit), requestId)));
    }
}
