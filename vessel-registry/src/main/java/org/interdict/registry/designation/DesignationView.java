package org.interdict.registry.designation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A designation as callers see it, with who recorded it and, once delisted, when and by whom. */
public record DesignationView(UUID id, String imo, String authority, String reference, LocalDate listedOn,
        String basis, boolean active, String recordedBy, Instant recordedAt, LocalDate delistedOn, String delistedBy) {

    public static DesignationView of(Designation d) {
        return new DesignationView(d.id, d.vessel.imo, d.authority, d.reference, d.listedOn, d.basis, d.active(),
                d.recordedBy, d.recordedAt, d.delistedOn, d.delistedBy);
    }
}
