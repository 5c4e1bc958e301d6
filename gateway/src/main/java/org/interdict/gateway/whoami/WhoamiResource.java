package org.interdict.gateway.whoami;

import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.commons.security.Caller;

import io.quarkus.security.Authenticated;

/** The caller as the platform sees them. */
@Path("/api/whoami")
@Produces(MediaType.APPLICATION_JSON)
public class WhoamiResource {

    /** Who is calling: from the validated token. */
    public record Whoami(String username, String nation, Set<String> roles, String port) {
    }

    @Inject
    Caller caller;

    @GET
    @Authenticated
    @Operation(summary = "The caller as the platform sees them: username, nation, roles and port")
    public Whoami whoami() {
        return new Whoami(caller.username(), caller.nation(), new TreeSet<>(caller.roles()), caller.port().orElse(null));
    }
}
