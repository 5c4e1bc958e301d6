package org.interdict.registry.imports;

import static org.interdict.commons.security.Caller.ADMIN;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interdict.commons.problem.Problem;
import org.interdict.commons.problem.ProblemException;
import org.interdict.registry.access.ActiveMembersOnly;
import org.interdict.registry.metrics.RegistryMetrics;

@Path(BodyLimits.IMPORTS)
@Produces(MediaType.APPLICATION_JSON)
@ActiveMembersOnly
@RolesAllowed(ADMIN)
@Tag(name = "Imports", description = "Sanctions lists loaded into the registry")
public class ImportResource {

    @Inject
    ListImports imports;

    @Inject
    BodyLimits limits;

    @Inject
    RegistryMetrics metrics;

    /** Reads a list file into its vessel entries. */
    @FunctionalInterface
    interface ListFormat {
        ParsedList read(InputStream body) throws IOException, MalformedListException;
    }

    @POST
    @Path("un-1718-vessels")
    @Consumes({"text/csv", "application/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import the UN 1718 Committee's Designated Vessels List (CSV, admin)", description = "Idempotent: importing the same file again reports every entry unchanged and emits nothing.")
    @APIResponse(responseCode = "200", description = "{created, updated, unchanged, skipped, rejected: [{entry, reason}]}")
    @APIResponse(responseCode = "400", description = "Not a CSV list with vessel name and IMO columns")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "413", description = "Larger than interdict.registry.import.max-bytes")
    public ImportReport unVessels(InputStream body) {
        return run("un-1718-vessels", body, UnVesselList::read);
    }

    @POST
    @Path("ofac-sdn")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import OFAC's SDN.XML (vessel entries only, admin)", description = "Idempotent: importing the same file again reports every entry unchanged and emits nothing.")
    @APIResponse(responseCode = "200", description = "{created, updated, unchanged, skipped, rejected: [{entry, reason}]}")
    @APIResponse(responseCode = "400", description = "Not well-formed SDN XML")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "413", description = "Larger than interdict.registry.import.max-bytes")
    public ImportReport ofacSdn(InputStream body) {
        return run("ofac-sdn", body, OfacSdnList::read);
    }

    private ImportReport run(String list, InputStream body, ListFormat format) {
        SizeLimitedInputStream limited = new SizeLimitedInputStream(body, limits.importLimit());
        ParsedList parsed;
        try {
            parsed = format.read(limited);
        } catch (IOException | MalformedListException | ProblemException e) {
            if (limited.exceeded()) {
                metrics.imported(list, "too-large");
                throw BodyLimits.tooLarge(limits.importLimit());
            }
            metrics.imported(list, "malformed");
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw new ProblemException(Problem.of(400, "Malformed list", e.getMessage()));
        }
        ImportReport report = imports.apply(parsed);
        metrics.imported(list, "imported");
        return report;
    }
}
