package org.interdict.registry.imports;

import java.util.ArrayList;
import java.util.List;

/** What an import did: vessel entries created, updated or unchanged, and each rejected entry with its reason. */
public record ImportReport(int created, int updated, int unchanged, int skipped, List<Rejection> rejected) {

    public record Rejection(String entry, String reason) {
    }

    /** The report being counted while an import runs. */
    static final class Tally {
        int created;
        int updated;
        int unchanged;
        int skipped;
        final List<Rejection> rejected = new ArrayList<>();

        void reject(String entry, String reason) {
            rejected.add(new Rejection(entry, reason));
        }

        ImportReport report() {
            return new ImportReport(created, updated, unchanged, skipped, List.copyOf(rejected));
        }
    }
}
