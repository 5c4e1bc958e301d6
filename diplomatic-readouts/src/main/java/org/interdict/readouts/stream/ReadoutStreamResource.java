package org.interdict.readouts.stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.commons.security.Caller;
import org.interdict.readouts.readout.ReadoutAccess;
import org.interdict.readouts.readout.ReadoutView;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;

/** Server-sent events: each new readout released to the caller's nation, as it is published. */
@Path("/api/readouts/stream")
@RolesAllowed({Caller.ADMIN, Caller.MINISTRY})
@Tag(name = "Readouts")
public class ReadoutStreamResource {

    @Inject
    ReadoutAccess access;

    @Inject
    ReadoutBroadcaster broadcaster;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stream of new readouts released to your nation (text/event-stream); each one pushed is DELIVERED")
    @APIResponse(responseCode = "200", description = "One event per readout, its data the readout as JSON")
    public Multi<ReadoutView> stream() {
        return broadcaster.follow(access.reader().nation());
    }
}
