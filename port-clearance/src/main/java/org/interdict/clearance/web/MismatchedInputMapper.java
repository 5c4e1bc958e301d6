package org.interdict.clearance.web;

import jakarta.ws.rs.core.Response;

import org.interdict.commons.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value of the wrong type or format (an unknown enum value, a date that is not one) answers with the platform's
 * problem naming the field. Quarkus maps this exception itself to a plain JSON body, and its mapper is more specific
 * than the commons one for Jackson errors; until commons maps it too, this one takes precedence and defers to it.
 */
public class MismatchedInputMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        return problems.unreadable(e);
    }
}
