package org.interdict.registry.vessel;

import static org.interdict.commons.security.Caller.ADMIN;
import static org.interdict.commons.security.Caller.MINISTRY;
import static org.interdict.commons.security.Caller.PORT_OFFICER;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.commons.security.Caller;
import org.interdict.registry.access.ActiveMembersOnly;
import org.interdict.registry.access.Actor;
import org.interdict.registry.identity.ImoNumber;
import org.interdict.commons.web.Page;

@Path("/api/registry/vessels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ActiveMembersOnly
@Tag(name = "Vessels", description = "The coalition's record of vessels and their identity history")
public class VesselResource {

    @Inject
    Vessels vessels;

    @Inject
    VesselSearch search;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ADMIN, MINISTRY})
    @Operation(summary = "Register a vessel", description = "The IMO number's check digit is verified; 'IMO 9191773' is accepted and kept as its seven digits.")
    @APIResponse(responseCode = "201", description = "Registered; the vessel")
    @APIResponse(responseCode = "400", description = "A bad identifier or field, named in errors")
    @APIResponse(responseCode = "403", description = "Not a ministry of a member nation, nor an admin")
    @APIResponse(responseCode = "409", description = "A vessel with this IMO number exists")
    public Response register(@Valid @NotNull RegisterVessel vessel) {
        VesselView view = vessels.register(vessel, Actor.of(caller));
        return Response.created(URI.create("/api/registry/vessels/" + view.imo())).entity(view).build();
    }

    @GET
    @Path("{imo}")
    @RolesAllowed({ADMIN, MINISTRY, PORT_OFFICER})
    @Operation(summary = "A vessel", description = "Its identity history (past names, flags, owners, operators), designations, incidents, port-call attempts and risk signals.")
    @APIResponse(responseCode = "200", description = "The vessel")
    @APIResponse(responseCode = "400", description = "Not an IMO number")
    @APIResponse(responseCode = "404", description = "No such vessel")
    public VesselView get(@PathParam("imo") String imo) {
        return vessels.view(ImoNumber.parse(imo, "imo"));
    }

    @PATCH
    @Path("{imo}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({ADMIN, MINISTRY})
    @Operation(summary = "Rename, reflag, change owner or operator, correct identifiers", description = "The old name, flag, owner or operator goes to history with its dates and the caller's nation.")
    @APIResponse(responseCode = "200", description = "The changed vessel")
    @APIResponse(responseCode = "400", description = "A bad field, named in errors")
    @APIResponse(responseCode = "403", description = "Not a ministry of a member nation, nor an admin")
    @APIResponse(responseCode = "404", description = "No such vessel")
    public VesselView change(@PathParam("imo") String imo, @Valid @NotNull ChangeVessel change) {
        return vessels.change(ImoNumber.parse(imo, "imo"), change, Actor.of(caller));
    }

    @GET
    @RolesAllowed({ADMIN, MINISTRY, PORT_OFFICER})
    @Operation(summary = "Search vessels", description = "q matches current and past names fuzzily (case, spacing and punctuation ignored, typos tolerated), best match first; the other parameters filter exactly. Paginated by cursor.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in errors")
    public Page<VesselSummary> search(
            @Parameter(description = "A current or past name, fuzzily") @QueryParam("q") String q,
            @QueryParam("imo") String imo,
            @QueryParam("mmsi") @Pattern(regexp = "\\d{9}", message = "must be 9 digits") String mmsi,
            @Parameter(description = "ISO 3166-1 alpha-3") @QueryParam("flag") String flag,
            @QueryParam("designated") Boolean designated,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor) {
        VesselSearch.Criteria criteria = new VesselSearch.Criteria(q, imo == null ? null : ImoNumber.parse(imo, "imo"),
                mmsi, flag == null ? null : Vessels.flag(flag, "flag"), designated);
        return search.search(criteria, limit, cursor);
    }
}
