package org.interdict.gateway.user;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interdict.commons.web.Page;

/** Ministry users and port officers, created and disabled by admins in the identity service. */
@Path("/api/admin/users")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @POST
    @Operation(summary = "Create a user with a nation, a role and, for a port officer, a port; the password is temporary unless temporaryPassword is false")
    public Response create(@Valid @NotNull UserRequests.NewUser user) {
        return Response.status(Response.Status.CREATED).entity(users.create(user)).build();
    }

    @GET
    @Operation(summary = "Users, optionally of one nation")
    public Page<UserRequests.UserView> list(
            @QueryParam("nation") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code") String nation) {
        return Page.last(users.list(Optional.ofNullable(nation)));
    }

    @POST
    @Path("/{username}/disable")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Disable a user: their next token refresh fails")
    public UserRequests.UserView disable(@PathParam("username") String username) {
        return users.disable(username);
    }
}
