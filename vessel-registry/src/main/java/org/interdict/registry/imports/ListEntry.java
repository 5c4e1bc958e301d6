package org.interdict.registry.imports;

import java.time.LocalDate;
import java.util.List;

/**
 * One vessel entry of a sanctions list as read from the file, not yet checked: identifiers as written, plus the
 * listing it carries.
 *
 * @param label   how the import report names the entry, e.g. {@code row 3 (RUNG RA 2)}
 * @param aliases former names (f.k.a.), kept as past names
 * @param defect  what the reader already found wrong with the entry, or null
 */
public record ListEntry(String label, String imo, String name, List<String> aliases, String flag, String mmsi,
        String callSign, String type, String owner, String authority, String reference, LocalDate listedOn,
        String basis, String defect) {
}
