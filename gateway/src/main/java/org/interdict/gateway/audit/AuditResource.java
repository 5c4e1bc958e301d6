package org.interdict.gateway.audit;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.interdict.commons.security.Caller;

/** The audit log's integrity, for admins. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog audit;

    @GET
    @Path("verify")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Check the hash chain of the audit log of every write call")
    @APIResponse(responseCode = "200", description = "valid, the number of entries, and the first entry whose hash or"
            + " link to its predecessor does not hold (null when valid)")
    public CompletionStage<AuditLog.Verification> verify() {
        return audit.verify();
    }
}
