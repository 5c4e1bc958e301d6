package org.interdict.registry.designation;

import static org.interdict.commons.security.Caller.ADMIN;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.commons.security.Caller;
import org.interdict.registry.access.ActiveMembersOnly;
import org.interdict.registry.access.Actor;
import org.interdict.registry.identity.ImoNumber;

@Path("/api/registry/vessels/{imo}/designations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ActiveMembersOnly
@RolesAllowed(ADMIN)
@Tag(name = "Designations", description = "Listings of vessels under sanctions")
public class DesignationResource {

    @Inject
    Designations designations;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Designate a vessel (admin)", description = "Publishes the vessel's new status and a VesselDesignated event.")
    @APIResponse(responseCode = "201", description = "The designation")
    @APIResponse(responseCode = "400", description = "A bad field, named in errors")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such vessel")
    @APIResponse(responseCode = "409", description = "The same authority already lists the vessel under this reference")
    public Response designate(@PathParam("imo") String imo, @Valid @NotNull NewDesignation designation) {
        String vessel = ImoNumber.parse(imo, "imo");
        DesignationView view = designations.designate(vessel, designation, Actor.of(caller));
        return Response.created(URI.create("/api/registry/vessels/" + vessel + "/designations/" + view.id()))
                .entity(view).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delist a vessel (admin)", description = "The designation is kept with its delisting date; publishes the vessel's new status and a VesselDelisted event.")
    @APIResponse(responseCode = "200", description = "The delisted designation")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such vessel or designation")
    @APIResponse(responseCode = "409", description = "Already delisted")
    public DesignationView delist(@PathParam("imo") String imo, @PathParam("id") UUID id) {
        return designations.delist(ImoNumber.parse(imo, "imo"), id, Actor.of(caller));
    }
}
