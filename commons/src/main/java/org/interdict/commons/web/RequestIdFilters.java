package org.interdict.commons.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Takes the request id from the gateway (or makes one), logs under it and answers with it. */
public class RequestIdFilters {

    @ServerRequestFilter(preMatching = true, priority = 0)
    public void enter(ContainerRequestContext request) {
        String id = RequestIds.acceptOrCreate(request.getHeaderString(RequestIds.HEADER));
        request.setProperty(RequestIds.MDC_KEY, id);
        RequestIds.set(id);
    }

    @ServerResponseFilter
    public void leave(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestIds.MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, id.toString());
        }
    }
}
