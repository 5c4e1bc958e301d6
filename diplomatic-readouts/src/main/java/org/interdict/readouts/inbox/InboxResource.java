package org.interdict.readouts.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.commons.security.Caller;
import org.interdict.readouts.readout.ReadoutAccess;

/** The caller's nation's inbox, paged like a TAXII 2.1 collection's {@code added_after}. */
@Path("/api/readouts/inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.MINISTRY})
@Tag(name = "Readouts")
public class InboxResource {

    @Inject
    ReadoutAccess access;

    @Inject
    Inbox inbox;

    @GET
    @Operation(summary = "Readouts released to your nation, oldest first; fetching marks them DELIVERED")
    @APIResponse(responseCode = "200", description = "A page; next is null when nothing more is there now")
    @APIResponse(responseCode = "400", description = "A bad cursor or limit")
    public InboxPage inbox(
            @Parameter(description = "A cursor from a previous answer (next, or an item's cursor)")
            @QueryParam("addedAfter") String addedAfter,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        return inbox.page(access.reader(), InboxCursor.decode(addedAfter), limit);
    }
}
