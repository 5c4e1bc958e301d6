package org.interdict.registry.nomination;

import static org.interdict.commons.security.Caller.ADMIN;
import static org.interdict.commons.security.Caller.MINISTRY;
import static org.interdict.commons.security.Caller.PORT_OFFICER;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.commons.security.Caller;
import org.interdict.registry.access.ActiveMembersOnly;
import org.interdict.registry.access.Actor;
import org.interdict.registry.nomination.NominationRequests.Approve;
import org.interdict.registry.nomination.NominationRequests.Endorse;
import org.interdict.registry.nomination.NominationRequests.Nominate;
import org.interdict.registry.nomination.NominationRequests.Reject;
import org.interdict.commons.web.Page;

@Path("/api/registry/nominations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ActiveMembersOnly
@Tag(name = "Nominations", description = "Member nations' proposals for coalition listing")
public class NominationResource {

    @Inject
    Nominations nominations;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ADMIN, MINISTRY})
    @Operation(summary = "Nominate a vessel for coalition listing", description = "The caller's nation nominates; one pending nomination per vessel.")
    @APIResponse(responseCode = "201", description = "The pending nomination")
    @APIResponse(responseCode = "400", description = "A bad field, named in errors")
    @APIResponse(responseCode = "403", description = "Not a ministry of a member nation, nor an admin")
    @APIResponse(responseCode = "404", description = "No such vessel")
    @APIResponse(responseCode = "409", description = "A nomination is pending, or the coalition already lists the vessel")
    public Response nominate(@Valid @NotNull Nominate nomination) {
        NominationView view = nominations.nominate(nomination, Actor.of(caller));
        return Response.created(URI.create("/api/registry/nominations/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({ADMIN, MINISTRY, PORT_OFFICER})
    @Operation(summary = "Nominations, oldest first")
    @APIResponse(responseCode = "200", description = "{items, next}")
    public Page<NominationView> list(@QueryParam("status") NominationStatus status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit,
            @QueryParam("cursor") String cursor) {
        return nominations.list(status, limit, cursor);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ADMIN, MINISTRY, PORT_OFFICER})
    @Operation(summary = "A nomination with its endorsements")
    @APIResponse(responseCode = "200", description = "The nomination")
    @APIResponse(responseCode = "404", description = "No such nomination")
    public NominationView get(@PathParam("id") UUID id) {
        return nominations.view(id);
    }

    @POST
    @Path("{id}/endorsements")
    @RolesAllowed({ADMIN, MINISTRY})
    @Operation(summary = "Endorse a nomination", description = "Once per nation; the nominating nation cannot endorse. The body (a comment) is optional.")
    @APIResponse(responseCode = "201", description = "The nomination with the new endorsement")
    @APIResponse(responseCode = "403", description = "Not a ministry of a member nation, nor an admin")
    @APIResponse(responseCode = "404", description = "No such nomination")
    @APIResponse(responseCode = "409", description = "Not pending, the nominating nation, or already endorsed by this nation")
    public Response endorse(@PathParam("id") UUID id, @Valid Endorse endorsement) {
        return Response.status(Response.Status.CREATED).entity(nominations.endorse(id, endorsement, Actor.of(caller)))
                .build();
    }

    /** The same endorsement sent without a body (and so without a JSON content type). */
    @POST
    @Path("{id}/endorsements")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ADMIN, MINISTRY})
    @Operation(hidden = true)
    public Response endorseWithoutBody(@PathParam("id") UUID id) {
        return endorse(id, null);
    }

    @POST
    @Path("{id}/approval")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Approve a nomination (admin)", description = "Creates a COALITION designation and publishes its events. The body (a basis, else the evidence) is optional.")
    @APIResponse(responseCode = "200", description = "The approved nomination with its designationId")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such nomination")
    @APIResponse(responseCode = "409", description = "Not pending, or too few endorsements")
    public NominationView approve(@PathParam("id") UUID id, @Valid Approve approval) {
        return nominations.approve(id, approval, Actor.of(caller));
    }

    /** The same approval sent without a body (and so without a JSON content type). */
    @POST
    @Path("{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(ADMIN)
    @Operation(hidden = true)
    public NominationView approveWithoutBody(@PathParam("id") UUID id) {
        return approve(id, null);
    }

    @POST
    @Path("{id}/rejection")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Reject a nomination (admin)")
    @APIResponse(responseCode = "200", description = "The rejected nomination")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such nomination")
    @APIResponse(responseCode = "409", description = "Not pending")
    public NominationView reject(@PathParam("id") UUID id, @Valid @NotNull Reject rejection) {
        return nominations.reject(id, rejection, Actor.of(caller));
    }
}
