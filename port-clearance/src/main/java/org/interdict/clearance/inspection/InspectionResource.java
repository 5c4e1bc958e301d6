package org.interdict.clearance.inspection;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.clearance.request.ClearanceHistory;
import org.interdict.clearance.request.Officer;
import org.interdict.clearance.request.PortAccess;
import org.interdict.commons.problem.Problem;
import org.interdict.commons.problem.ProblemException;
import org.interdict.commons.security.Caller;

/** The outcome of the inspection that followed a decision: once per decision, by an officer of that port or admin. */
@Path("/api/clearance/requests/{id}/inspection")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.PORT_OFFICER})
@Tag(name = "Clearance")
public class InspectionResource {

    @Inject
    ClearanceHistory history;

    @Inject
    InspectionService inspections;

    @Inject
    PortAccess access;

    @POST
    @Operation(summary = "Record an inspection outcome",
            description = "PASSED, DETAINED or SEIZED, with notes. SEIZED becomes a SEIZURE incident in the registry.")
    @APIResponse(responseCode = "201", description = "The outcome as recorded",
            content = @Content(schema = @Schema(implementation = Inspection.class)))
    @APIResponse(responseCode = "400", description = "No or an unknown outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a port officer of an active member nation, nor admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such decision at a port the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The decision has an outcome already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("id") UUID id, @Valid @NotNull InspectionReport report) {
        Inspection inspection = history.record(id).filter(record -> access.maySee(record.port))
                .map(record -> inspections.record(record, report, new Officer(access.username(), access.nation())))
                .orElseThrow(() -> ProblemException.notFound("No decision " + id));
        return Response.status(Response.Status.CREATED).entity(inspection).build();
    }
}
