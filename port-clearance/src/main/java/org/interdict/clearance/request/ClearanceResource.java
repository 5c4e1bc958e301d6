package org.interdict.clearance.request;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.clearance.decision.PreArrivalNotice;
import org.interdict.clearance.identifiers.UnLocode;
import org.interdict.clearance.time.DateOrInstant;
import org.interdict.commons.problem.Problem;
import org.interdict.commons.problem.ProblemException;
import org.interdict.commons.problem.ProblemMappers;
import org.interdict.commons.security.Caller;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Clearance decisions: asked for by port officers for their own port and by admins for any port. */
@Path("/api/clearance/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.PORT_OFFICER})
@Tag(name = "Clearance", description = "Entry decisions on pre-arrival notices")
@APIResponse(responseCode = "401", description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a port officer of an active member nation for that port, nor admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ClearanceResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    @Inject
    ClearanceService service;

    @Inject
    ClearanceHistory history;

    @Inject
    PortAccess access;

    @Inject
    DecisionMetrics metrics;

    @POST
    @Operation(summary = "Decide a pre-arrival notice",
            description = "DENY a designated vessel, INSPECT when risk signals appear, CLEAR otherwise; every reason has a "
                    + "stable code and a detail. Decided from this service's replica of the registry, and kept.")
    @APIResponse(responseCode = "201", description = "The decision",
            content = @Content(schema = @Schema(implementation = ClearanceAnswer.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (IMO, MMSI, flag, UN/LOCODE, dates)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Decisions cannot be kept now (database out of reach, or too many "
            + "waiting); nothing was kept. Retry after the seconds in Retry-After.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> decide(@Valid @NotNull PreArrivalNotice notice) {
        // Runs on the event loop: deciding reads memory only, and the commit is awaited without holding a thread,
        // which spares each decision two thread hand-offs (to a worker, and the worker's blocking read of the body).
        access.requireMayAskAt(notice.port());
        NoticeDates.check(notice, Instant.now());
        return service.decide(notice, access.username(), access.nation()).thenApply(decided -> {
            metrics.decided(decided.answer().decision());
            // relative, as the caller sees it through the gateway, not as this service's host would make it
            return Response.status(Response.Status.CREATED)
                    .header(HttpHeaders.LOCATION, "/api/clearance/requests/" + decided.answer().id())
                    .entity(decided.answerJson()).build();
        });
    }

    /** Too many decisions wait to be kept: the database is behind, and more waiting would only add latency. */
    @ServerExceptionMapper
    public Response refused(GroupCommit.Refused e) {
        Response problem = new ProblemMappers().problem(ProblemException.unavailable(e.getMessage() + "; retry shortly"));
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A past decision", description = "The answer, the notice as asked, who asked, and the inspection "
            + "outcome if any. A port officer sees the decisions of their own port only.")
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = ClearanceView.class)))
    @APIResponse(responseCode = "404", description = "No such decision at a port the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClearanceView get(@PathParam("id") UUID id) {
        return history.record(id).filter(record -> access.maySee(record.port)).map(history::view)
                .orElseThrow(() -> ProblemException.notFound("No decision " + id));
    }

    @GET
    @Operation(summary = "Past decisions by port and time",
            description = "Oldest first. A port officer lists their own port (the default); an admin any port or all.")
    @APIResponse(responseCode = "200", description = "A page of decisions")
    @APIResponse(responseCode = "400", description = "A bad port, date, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ClearanceSummary> list(@QueryParam("port") String port,
            @QueryParam("from") @Schema(description = "Decided at or after (date or instant)") String from,
            @QueryParam("to") @Schema(description = "Decided before (date or instant)") String to,
            @QueryParam("limit") @Schema(defaultValue = "50", maximum = "1000") Integer limit,
            @QueryParam("cursor") String cursor) {
        Optional<String> confined = access.confinedTo();
        if (port != null && !UnLocode.isValid(port)) {
            throw ProblemException.invalid("port", "must be a UN/LOCODE such as KRPUS");
        }
        if (port != null && confined.isPresent() && !confined.get().equals(port)) {
            throw ProblemException.forbidden("A port officer may list their own port only, " + confined.get());
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return history.list(confined.or(() -> Optional.ofNullable(port)), time("from", from, Instant.EPOCH),
                time("to", to, Instant.parse("9999-12-31T00:00:00Z")), Optional.ofNullable(cursor).map(Cursor::decode),
                size);
    }

    private static Instant time(String field, String value, Instant absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return DateOrInstant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO 8601 date or date-time");
        }
    }
}
