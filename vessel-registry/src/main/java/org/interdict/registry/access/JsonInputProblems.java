package org.interdict.registry.access;

import jakarta.ws.rs.core.Response;

import org.interdict.commons.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Quarkus maps a JSON value of the wrong type or an unknown enum constant ({@link MismatchedInputException}) with its
 * own plain-JSON mapper, which is more specific than commons' mapper for every JSON problem; this hands it back to
 * commons so the answer is problem+json naming the field.
 */
public class JsonInputProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return problems.unreadable(e);
    }
}
