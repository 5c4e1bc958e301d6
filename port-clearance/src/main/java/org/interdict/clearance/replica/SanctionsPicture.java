package org.interdict.clearance.replica;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The replica in memory: every vessel the registry published, indexed for the decision, which reads it without a
 * database or another service. One writer (the replica feed) applies statuses; any number of requests read.
 */
@ApplicationScoped
public class SanctionsPicture {

    private final ConcurrentHashMap<String, Vessel> byImo = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Vessel> designated = new ConcurrentHashMap<>();
    private volatile DesignatedIndex index = DesignatedIndex.EMPTY;
    private volatile boolean indexStale;
    private volatile long highestVersion;
    private volatile RegistryHeartbeatEvent heartbeat;

    /** Takes the status unless the replica already holds that version of the vessel or a newer one. */
    public synchronized boolean apply(VesselStatusEvent status) {
        Vessel known = byImo.get(status.imo());
        if (known != null && known.version() >= status.version()) {
            return false;
        }
        Vessel vessel = Vessel.of(status);
        byImo.put(vessel.imo(), vessel);
        if (vessel.designated()) {
            designated.put(vessel.imo(), vessel);
            indexStale = true;
        } else if (designated.remove(vessel.imo()) != null) {
            indexStale = true;
        }
        highestVersion = Math.max(highestVersion, vessel.version());
        return true;
    }

    /** The registry's latest word on how current its data is; heartbeats arrive in order on their one key. */
    public void heartbeat(RegistryHeartbeatEvent event) {
        heartbeat = event;
    }

    public Optional<Vessel> vessel(String imo) {
        return Optional.ofNullable(byImo.get(imo));
    }

    public List<Vessel> designatedWithMmsi(String mmsi) {
        return index().withMmsi(mmsi);
    }

    /** Designated vessels whose current or past name has exactly this key. */
    public List<NameMatch> designatedNamed(String nameKey) {
        return index().named(nameKey);
    }

    /** Designated vessels whose current or past name is within a few edits of this key. */
    public List<NameMatch> designatedResembling(String nameKey) {
        return index().resembling(nameKey);
    }

    public ListVersion listVersion() {
        RegistryHeartbeatEvent last = heartbeat;
        return new ListVersion(last == null ? null : last.vouchedAt(), last == null ? null : last.latestVersion(),
                highestVersion);
    }

    public int size() {
        return byImo.size();
    }

    public int designatedCount() {
        return designated.size();
    }

    private DesignatedIndex index() {
        if (indexStale) {
            synchronized (this) {
                if (indexStale) {
                    indexStale = false;
                    index = new DesignatedIndex(designated.values());
                }
            }
        }
        return index;
    }
}
