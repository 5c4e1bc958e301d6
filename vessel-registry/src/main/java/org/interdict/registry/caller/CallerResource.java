package org.interdict.registry.caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.interdict.commons.security.Caller;
import org.interdict.commons.security.CallerView;

/** The caller as this service reads it from the token: shows that identity reaches the service intact. */
@Path("/api/registry/caller")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"admin", "ministry", "port-officer"})
    public CallerView caller() {
        return CallerView.of("vessel-registry", caller);
    }
}
