package org.interdict.readouts.webhook;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.interdict.readouts.Items;
import org.interdict.readouts.readout.ReadoutAccess;
import org.interdict.readouts.readout.Viewer;

/** Webhooks of the caller's own nation. */
@Path("/api/readouts/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.MINISTRY})
@Tag(name = "Readout webhooks")
public class WebhookResource {

    @Inject
    ReadoutAccess access;

    @Inject
    WebhookService service;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an https endpoint that receives readouts released to your nation, signed")
    @APIResponse(responseCode = "201", description = "Registered; the secret is shown this once")
    @APIResponse(responseCode = "400", description = "Not an acceptable https URL")
    @APIResponse(responseCode = "403", description = "Not a coalition member in good standing")
    public Response register(@Valid @NotNull WebhookViews.Register request) {
        Viewer viewer = access.member();
        WebhookViews.Created created = service.register(viewer.nation(), caller.username(), request.url());
        return Response.created(URI.create("/api/readouts/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "Your nation's webhooks, without their secrets")
    @APIResponse(responseCode = "200", description = "Your nation's webhooks")
    public Items<WebhookViews.Listed> webhooks() {
        return Items.of(service.of(access.member().nation()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove one of your nation's webhooks; its pending deliveries are dropped")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such webhook for your nation")
    public void delete(@PathParam("id") UUID id) {
        service.delete(access.member().nation(), id);
    }
}
