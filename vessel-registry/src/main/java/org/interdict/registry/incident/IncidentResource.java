package org.interdict.registry.incident;

import static org.interdict.commons.security.Caller.ADMIN;
import static org.interdict.commons.security.Caller.MINISTRY;
import static org.interdict.commons.security.Caller.PORT_OFFICER;

import java.net.URI;
import java.util.UUID;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.commons.security.Caller;
import org.interdict.registry.access.ActiveMembersOnly;
import org.interdict.registry.access.Actor;

@Path("/api/registry/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ActiveMembersOnly
@Tag(name = "Incidents", description = "What partner nations saw vessels do")
public class IncidentResource {

    @Inject
    Incidents incidents;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ADMIN, MINISTRY})
    @Operation(summary = "Report an incident", description = "The reporting nation is the caller's; publishes the vessel's new status.")
    @APIResponse(responseCode = "201", description = "The incident")
    @APIResponse(responseCode = "400", description = "A bad field, named in errors")
    @APIResponse(responseCode = "403", description = "Not a ministry of a member nation, nor an admin")
    @APIResponse(responseCode = "404", description = "No such vessel")
    public Response report(@Valid @NotNull NewIncident incident) {
        IncidentView view = incidents.report(incident, Actor.of(caller));
        return Response.created(URI.create("/api/registry/incidents/" + view.id())).entity(view).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ADMIN, MINISTRY, PORT_OFFICER})
    @Operation(summary = "An incident")
    @APIResponse(responseCode = "200", description = "The incident")
    @APIResponse(responseCode = "404", description = "No such incident")
    public IncidentView get(@PathParam("id") UUID id) {
        return incidents.view(id);
    }
}
