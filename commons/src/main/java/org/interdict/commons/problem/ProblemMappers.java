package org.interdict.commons.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.interdict.commons.database.DatabaseUnavailable;
import org.interdict.commons.jackson.UnsafeTextException;
import org.interdict.commons.web.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Turns every failure into a problem+json answer: no stack trace, no SQL, no host name ever reaches a caller. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '([^']{1,100})'");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is not valid");
        return respond(Problem.invalid(detail, errors));
    }

    /** A method parameter's path is {@code method.parameter.field...}: the caller knows only the fields. */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            String name = node.getName();
            if (node.getIndex() != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (name != null && node.getKind() != jakarta.validation.ElementKind.METHOD) {
                names.add(name);
            }
        }
        if (names.size() > 1) {
            names.remove(0);
        }
        return String.join(".", names);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            return respond(Problem.invalid(field, reason(mapping)));
        }
        Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.lookingAt()) {
            return respond(Problem.invalid(duplicate.group(1), "is given more than once"));
        }
        return respond(Problem.of(400, "Malformed JSON", "The request body is not well-formed JSON"));
    }

    /** Why a value was refused, from what Jackson says about it, without echoing the value. */
    private static String reason(JsonMappingException e) {
        if (e instanceof UnsafeTextException) {
            return UnsafeTextException.REASON;
        }
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof InputCoercionException) {
                return "is out of range";
            }
        }
        Class<?> type = e instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        if (type == String.class) {
            return "must be a string";
        } else if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        } else if (type != null && type.isEnum()) {
            return "must be one of the documented values, as a string";
        } else if (type != null && Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date or time, as a string";
        } else if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
            return "must be a number in range";
        }
        return "has the wrong type or format";
    }

    /** Quarkus maps a value of the wrong type itself, with a plain body; this one is preferred over it. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized",
                "A valid bearer token from the coalition realm is required")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"coalition\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your role or nation may not do this"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR && family != Response.Status.Family.SERVER_ERROR) {
            return e.getResponse();
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus wraps what it reads badly, a value out of range or a key given twice, in a bare 400
            return unreadable(json);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String title = type.getReasonPhrase() != null ? type.getReasonPhrase() : "Error";
        String detail = status >= 500 ? "The service could not complete the request" : clientDetail(status);
        Response.ResponseBuilder builder = Response.fromResponse(respond(Problem.of(status, title, detail)));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    private static String clientDetail(int status) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "No acceptable representation; ask for application/json";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported content type";
            // a message may come from a REST client call to another system: never pass it on
            default -> "The request cannot be processed";
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return Response.fromResponse(respond(Problem.of(503, "Service unavailable",
                    "The service's database is unavailable; retry shortly"))).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "Internal error",
                "An unexpected error occurred; quote request id " + RequestIds.current() + " to the operators"));
    }

    static Response respond(Problem problem) {
        String requestId = RequestIds.current();
        Problem body = requestId == null ? problem : problem.withInstance("urn:interdict:request:" + requestId);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
