package org.interdict.readouts.readout;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.interdict.readouts.Items;
import org.interdict.readouts.delivery.Deliveries;
import org.interdict.readouts.delivery.DeliveryView;
import org.interdict.readouts.webhook.AttemptView;
import org.interdict.readouts.webhook.WebhookAttempts;

/** Publishing and reading readouts, their deliveries and acknowledgements. */
@Path("/api/readouts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.MINISTRY})
@Tag(name = "Readouts")
public class ReadoutResource {

    @Inject
    ReadoutAccess access;

    @Inject
    ReadoutService service;

    @Inject
    Readouts readouts;

    @Inject
    ReadoutViews views;

    @Inject
    Deliveries deliveries;

    @Inject
    WebhookAttempts attempts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a readout (members and admins); it is immutable once published")
    @APIResponse(responseCode = "201", description = "Published, with one PENDING delivery per recipient nation")
    @APIResponse(responseCode = "400", description = "Invalid field, unknown nation code or supersedes")
    @APIResponse(responseCode = "403", description = "Not a coalition member in good standing")
    public Response publish(@Valid @NotNull PublishReadout request) {
        Author author = access.publisher();
        Readout readout = service.publish(author, request);
        return Response.created(URI.create("/api/readouts/" + readout.id))
                .entity(views.of(readout, author.asViewer())).build();
    }

    @GET
    @Transactional
    @Operation(summary = "Readouts your nation wrote, newest first (admins: every readout), to follow their deliveries")
    @APIResponse(responseCode = "200", description = "A page; next is null on the last one")
    @APIResponse(responseCode = "400", description = "A bad cursor or limit")
    public ReadoutPage authored(@QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        Viewer viewer = access.reader();
        List<Readout> rows = readouts.authored(viewer, AuthoredCursor.decode(after), limit + 1);
        List<Readout> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? AuthoredCursor.after(page.get(page.size() - 1)).encode() : null;
        return new ReadoutPage(views.of(page, viewer), next);
    }

    /** A page of readouts. */
    public record ReadoutPage(List<ReadoutView> items, String next) {
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One readout, if released to your nation, written by it, or you are an admin")
    @APIResponse(responseCode = "200", description = "The readout")
    @APIResponse(responseCode = "404", description = "No such readout, or not released to your nation")
    public ReadoutView readout(@PathParam("id") UUID id) {
        Viewer viewer = access.reader();
        return views.of(readouts.visible(id, viewer).orElseThrow(() -> Deliveries.notFound(id)), viewer);
    }

    @POST
    @Path("{id}/acknowledgements")
    @Operation(summary = "Your nation acknowledges receipt; repeating it changes nothing")
    @APIResponse(responseCode = "200", description = "Your nation's delivery, ACKNOWLEDGED")
    @APIResponse(responseCode = "404", description = "No such readout, or not released to your nation")
    @APIResponse(responseCode = "409", description = "You may see it (author, admin) but it was not released to your nation")
    public DeliveryView acknowledge(@PathParam("id") UUID id) {
        return deliveries.acknowledge(id, access.reader());
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "Delivery and acknowledgement per recipient nation (author's nation and admins)")
    @APIResponse(responseCode = "200", description = "One item per recipient nation")
    @APIResponse(responseCode = "404", description = "No such readout, or not your nation's")
    public Items<DeliveryView> deliveries(@PathParam("id") UUID id) {
        return Items.of(deliveries.of(id, access.reader()));
    }

    @GET
    @Path("{id}/deliveries/{nation}/attempts")
    @Operation(summary = "Webhook attempts to deliver the readout to one nation (author's nation and admins)")
    @APIResponse(responseCode = "200", description = "Every attempt, oldest first")
    @APIResponse(responseCode = "404", description = "No such readout, or not your nation's")
    public Items<AttemptView> attempts(@PathParam("id") UUID id, @PathParam("nation") String nation) {
        return Items.of(attempts.of(id, nation, access.reader()));
    }
}
