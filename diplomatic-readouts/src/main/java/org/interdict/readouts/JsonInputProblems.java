package org.interdict.readouts;

import jakarta.ws.rs.core.Response;

import org.interdict.commons.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Quarkus' own mapper for a wrong value type (a date that is not a date, an unknown TLP label) is more specific than
 * the commons' JSON mapper and answers a non-problem body; this hands such failures back to the commons' shape.
 * Belongs in commons' {@link ProblemMappers} (reported), after which this class goes.
 */
public class JsonInputProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return problems.unreadable(e);
    }
}
