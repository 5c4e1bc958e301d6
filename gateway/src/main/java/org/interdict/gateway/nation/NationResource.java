package org.interdict.gateway.nation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.commons.problem.ProblemException;
import org.interdict.commons.web.Page;

/** Coalition membership, managed by admins. */
@Path("/api/admin/nations")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NationResource {

    @Inject
    NationService nations;

    @GET
    @Operation(summary = "Every nation the platform knows, members and non-member partners")
    public Page<NationRequests.NationView> list() {
        return Page.last(nations.all().stream().map(NationRequests.NationView::of).toList());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One nation")
    public NationRequests.NationView get(@PathParam("code") String code) {
        return nations.find(code).map(NationRequests.NationView::of)
                .orElseThrow(() -> ProblemException.notFound("No nation " + code));
    }

    @POST
    @Operation(summary = "Add a nation, as a coalition member or a non-member partner")
    public Response add(@Valid @NotNull NationRequests.NewNation request) {
        Nation nation = nations.add(request);
        return Response.status(Response.Status.CREATED).entity(NationRequests.NationView.of(nation)).build();
    }

    @PATCH
    @Path("/{code}")
    @Operation(summary = "Change a nation's membership or suspend and reinstate it")
    public NationRequests.NationView change(@PathParam("code") String code,
            @Valid @NotNull NationRequests.NationChange change) {
        return NationRequests.NationView.of(nations.change(code, change));
    }
}
