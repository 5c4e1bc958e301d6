package org.interdict.clearance.decision;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interdict.clearance.identifiers.Flag;
import org.interdict.clearance.identifiers.Imo;
import org.interdict.clearance.identifiers.Mmsi;
import org.interdict.clearance.identifiers.UnLocode;
import org.interdict.clearance.time.DateOrInstant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** A vessel's pre-arrival notice: what the officer asks clearance for. Dates may be days or ISO 8601 instants. */
@Schema(description = "A vessel's pre-arrival notice")
public record PreArrivalNotice(
        @NotNull @Imo @Schema(example = "9074729") String imo,
        @NotBlank @Size(max = 200) @Schema(example = "CHON MA SAN") String name,
        @NotNull @Flag @Schema(description = "ISO 3166-1 alpha-3", example = "PAN") String flag,
        @Pattern(regexp = Mmsi.PATTERN, message = "must be 9 digits") @Schema(example = "352001234") String mmsi,
        @NotNull @Pattern(regexp = UnLocode.PATTERN, message = "must be a UN/LOCODE such as KRPUS")
        @Schema(example = "KRPUS") String port,
        @NotNull @JsonDeserialize(using = DateOrInstant.class) Instant eta,
        @Size(max = 10, message = "at most 10 ports of call") List<@NotNull @Valid PortCall> lastPortsOfCall,
        @Size(max = 20) List<@NotNull @Valid DeclaredTransfer> declaredShipToShipTransfers,
        @Size(max = 2000) String cargo) {

    public PreArrivalNotice {
        lastPortsOfCall = lastPortsOfCall == null ? List.of() : lastPortsOfCall;
        declaredShipToShipTransfers = declaredShipToShipTransfers == null ? List.of() : declaredShipToShipTransfers;
    }

    /** A port the vessel called at, and when it left. */
    public record PortCall(
            @NotNull @Pattern(regexp = UnLocode.PATTERN, message = "must be a UN/LOCODE such as KPNAM")
            @Schema(example = "KPNAM") String port,
            @NotNull @PastOrPresent(message = "must not be in the future")
            @JsonDeserialize(using = DateOrInstant.class) Instant departed) {
    }

    /** A ship-to-ship transfer the master declares. */
    public record DeclaredTransfer(
            @Imo String counterpartImo,
            @Size(max = 200) String counterpartName,
            @Size(max = 200) String location,
            @PastOrPresent(message = "must not be in the future")
            @JsonDeserialize(using = DateOrInstant.class) Instant occurredAt) {
    }
}
