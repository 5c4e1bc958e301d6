package org.interdict.clearance.replica;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.interdict.clearance.replica.VesselStatusEvent.PastName;

/**
 * The designated vessels by MMSI and by name (current and past), rebuilt whenever a designated vessel changes and
 * read without locks: designations are rare, clearance requests are many.
 */
final class DesignatedIndex {

    static final DesignatedIndex EMPTY = new DesignatedIndex(List.of());

    private final Map<String, List<Vessel>> byMmsi = new HashMap<>();
    private final Map<String, List<NameMatch>> byName = new HashMap<>();
    private final String[] names;

    DesignatedIndex(Collection<Vessel> designated) {
        for (Vessel vessel : designated) {
            if (vessel.status().mmsi() != null) {
                byMmsi.computeIfAbsent(vessel.status().mmsi(), mmsi -> new ArrayList<>()).add(vessel);
            }
            add(vessel.nameKey(), new NameMatch(vessel, vessel.status().name(), false, 0));
            List<PastName> pastNames = vessel.status().pastNames();
            for (int i = 0; i < pastNames.size(); i++) {
                add(vessel.pastNameKeys().get(i), new NameMatch(vessel, pastNames.get(i).name(), true, 0));
            }
        }
        names = byName.keySet().toArray(String[]::new);
    }

    private void add(String key, NameMatch match) {
        if (!key.isEmpty()) {
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(match);
        }
    }

    List<Vessel> withMmsi(String mmsi) {
        return mmsi == null ? List.of() : byMmsi.getOrDefault(mmsi, List.of());
    }

    List<NameMatch> named(String key) {
        return byName.getOrDefault(key, List.of());
    }

    /** Names within a few edits of the key, closest first; short names must match more closely than long ones. */
    List<NameMatch> resembling(String key) {
        int max = tolerance(key.length());
        List<NameMatch> found = new ArrayList<>();
        for (String name : names) {
            int distance = EditDistance.within(key, name, max);
            if (distance <= max) {
                for (NameMatch match : byName.get(name)) {
                    found.add(new NameMatch(match.vessel(), match.name(), match.past(), distance));
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.distance(), b.distance()));
        return found;
    }

    /** Edits tolerated for a name of this length: none under 4 characters, one under 8, two beyond. */
    static int tolerance(int length) {
        return length < 4 ? 0 : length < 8 ? 1 : 2;
    }
}
