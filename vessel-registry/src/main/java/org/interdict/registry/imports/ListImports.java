package org.interdict.registry.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;

import org.interdict.commons.outbox.Outbox;
import org.interdict.registry.RegistryConfig;
import org.interdict.registry.designation.Designation;
import org.interdict.registry.events.RegistryEvents;
import org.interdict.commons.geo.Countries;
import org.interdict.registry.identity.ImoNumber;
import org.interdict.registry.vessel.NewVessels;
import org.interdict.registry.vessel.PastIdentity.Attribute;
import org.interdict.registry.vessel.Vessel;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a list's vessel entries: each becomes a vessel (created, or updated where the list knows more or different)
 * plus the list's designation. Entries whose identifiers do not hold are rejected with their reason. Applying the
 * same list again finds everything as it is and changes nothing, so it emits no event. Entries are applied in
 * batches, one transaction each, with the batch's vessels loaded and locked by one query.
 */
@ApplicationScoped
public class ListImports {

    @Inject
    RegistryEvents events;

    @Inject
    RegistryConfig config;

    @Inject
    NewVessels newVessels;

    /** An entry whose identifiers hold, normalised. */
    private record Checked(ListEntry entry, String imo, String flag) {
    }

    public ImportReport apply(ParsedList list) {
        ImportReport.Tally tally = new ImportReport.Tally();
        tally.skipped = list.skipped();
        List<Checked> accepted = new ArrayList<>();
        // a list spells a handful of countries thousands of times: each spelling is looked up once
        Map<String, Optional<String>> flags = new HashMap<>();
        for (ListEntry entry : list.entries()) {
            check(entry, flags, tally).ifPresent(accepted::add);
        }
        int size = config.importing().batchSize();
        for (int from = 0; from < accepted.size(); from += size) {
            List<Checked> batch = accepted.subList(from, Math.min(from + size, accepted.size()));
            QuarkusTransaction.requiringNew().run(() -> applyBatch(batch, tally));
        }
        return tally.report();
    }

    private static Optional<Checked> check(ListEntry entry, Map<String, Optional<String>> flags,
            ImportReport.Tally tally) {
        String reason = entry.defect();
        if (reason == null && (entry.imo() == null || entry.imo().isBlank())) {
            reason = "no IMO number";
        } else if (reason == null && ImoNumber.problem(entry.imo()).isPresent()) {
            reason = "IMO number " + entry.imo() + ": " + ImoNumber.problem(entry.imo()).get();
        }
        if (reason == null && (entry.name() == null || entry.name().isBlank())) {
            reason = "no name";
        }
        String flag = null;
        if (reason == null && entry.flag() != null) {
            Optional<String> alpha3 = flags.computeIfAbsent(entry.flag(), ListImports::alpha3);
            if (alpha3.isEmpty()) {
                reason = "unknown flag: " + entry.flag();
            } else if (!alpha3.get().isEmpty()) {
                flag = alpha3.get();
            }
        }
        if (reason == null && entry.mmsi() != null && !entry.mmsi().matches("\\d{9}")) {
            reason = "MMSI " + entry.mmsi() + " is not 9 digits";
        }
        if (reason != null) {
            tally.reject(entry.label(), reason);
            return Optional.empty();
        }
        return Optional.of(new Checked(entry, ImoNumber.normalise(entry.imo()), flag));
    }

    /** A vessel an entry changed, and the listing it added if any. */
    private record Change(Vessel vessel, Optional<Designation> listed) {
    }

    private void applyBatch(List<Checked> batch, ImportReport.Tally tally) {
        List<String> imos = batch.stream().map(Checked::imo).distinct().toList();
        Map<String, Vessel> vessels = new HashMap<>();
        planLookups("force_custom_plan");
        Vessel.<Vessel>find("imo in ?1 order by imo", imos).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(vessel -> vessels.put(vessel.imo, vessel));
        if (!vessels.isEmpty()) {
            loadHistories(List.copyOf(vessels.keySet()));
        }
        planLookups("auto");
        Instant now = Instant.now();
        List<Change> changes = new ArrayList<>();
        List<Vessel> created = new ArrayList<>();
        for (Checked checked : batch) {
            Vessel vessel = vessels.get(checked.imo());
            boolean isNew = vessel == null;
            if (isNew) {
                vessel = Vessel.named(checked.imo(), checked.entry().name(), now);
                vessels.put(vessel.imo, vessel);
                created.add(vessel);
            }
            boolean changed = apply(checked, vessel, now);
            Optional<Designation> listed = designation(checked.entry(), vessel, now);
            if (isNew || changed || listed.isPresent()) {
                changes.add(new Change(vessel, listed));
            }
            if (isNew) {
                tally.created++;
            } else if (changed || listed.isPresent()) {
                tally.updated++;
            } else {
                tally.unchanged++;
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        List<Long> versions = events.nextChanges(changes.size());
        List<Outbox.Entry> outgoing = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            outgoing.add(events.status(change.vessel(), versions.get(i)));
            change.listed().ifPresent(designation -> outgoing.add(events.designation(change.vessel(), designation)));
        }
        events.recordAll(outgoing);
        // inserted once complete, set-based; the loaded vessels' changes are flushed at commit
        newVessels.insert(created);
    }

    /**
     * Plans the batch's look-ups by IMO for their own values ({@code force_custom_plan}), then lets the inserts keep
     * their cached plans ({@code auto}). A prepared look-up otherwise keeps, after five runs, a generic plan made for
     * the tables as they were: one made while the registry was nearly empty scans every vessel per batch, comparing
     * each with the batch's 500 IMOs one by one (most of a second a batch at 30,000 vessels), and only an ANALYZE of
     * the table would replace it, which autovacuum may not run in time (or at all where it is off).
     */
    private static void planLookups(String mode) {
        Vessel.getEntityManager().createNativeQuery("SELECT set_config('plan_cache_mode', :mode, true)")
                .setParameter("mode", mode).setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    /**
     * Fills the collections that comparing every entry reads (past identities, designations) for the batch's loaded
     * vessels, one query each; lazily they cost a query per 16 vessels and collection. One collection per query, as
     * Hibernate fetches one list per query; no flush first, as nothing has changed yet.
     */
    private static void loadHistories(List<String> imos) {
        for (String collection : List.of("pastIdentities", "designations")) {
            String query = "select distinct v from Vessel v left join fetch v." + collection + " where v.imo in ?1";
            Vessel.getEntityManager().createQuery(query, Vessel.class).setParameter(1, imos)
                    .setFlushMode(FlushModeType.COMMIT).getResultList();
        }
    }

    /**
     * What the list says of the vessel's identity. A name the vessel already had is not taken back as its current
     * one, so two lists that disagree do not rename it back and forth; an empty cell changes nothing.
     */
    private static boolean apply(Checked checked, Vessel vessel, Instant now) {
        ListEntry entry = checked.entry();
        String by = entry.authority();
        boolean changed = false;
        if (vessel.past(Attribute.NAME).stream().noneMatch(past -> past.value.equals(entry.name()))) {
            changed = vessel.rename(entry.name(), by, now);
        }
        changed |= vessel.reflag(checked.flag(), by, now);
        changed |= vessel.changeOwner(entry.owner(), by, now);
        changed |= vessel.describe(entry.mmsi(), entry.callSign(), entry.type(), null, null);
        for (String alias : entry.aliases()) {
            changed |= vessel.knownAs(alias, by, now);
        }
        return changed;
    }

    /** The list's designation, unless the vessel already has it (for a list without references, any of its own). */
    private static Optional<Designation> designation(ListEntry entry, Vessel vessel, Instant now) {
        boolean listed = vessel.designations.stream().anyMatch(d -> d.active() && d.authority.equals(entry.authority())
                && (entry.reference() == null || entry.reference().equals(d.reference)));
        if (listed) {
            return Optional.empty();
        }
        return Optional.of(vessel.designate(entry.authority(), entry.reference(), entry.listedOn(), entry.basis(),
                "import:" + entry.authority(), now));
    }

    /** A list's flag as an alpha-3 code; empty for OFAC's "None Identified"; none for an unknown country. */
    private static Optional<String> alpha3(String flag) {
        return noneIdentified(flag) ? Optional.of("") : Countries.alpha3(flag);
    }

    /** OFAC writes "None Identified" for an unknown flag: not an error, just no flag. */
    private static boolean noneIdentified(String flag) {
        return flag.replaceAll("[^A-Za-z]", "").equalsIgnoreCase("noneidentified");
    }
}
