package org.interdict.registry.imports;

import java.util.List;

/** The vessel entries of a list file, and how many non-vessel entries were skipped. */
public record ParsedList(List<ListEntry> entries, int skipped) {
}
