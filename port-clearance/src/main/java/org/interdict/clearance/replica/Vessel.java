package org.interdict.clearance.replica;

import java.util.List;

import org.interdict.clearance.replica.VesselStatusEvent.Designation;

/** A vessel as the replica holds it in memory: the registry's status with its names already reduced to keys. */
public record Vessel(VesselStatusEvent status, String nameKey, List<String> pastNameKeys,
        List<Designation> activeDesignations) {

    public static Vessel of(VesselStatusEvent status) {
        return new Vessel(status, NameKey.of(status.name()),
                status.pastNames().stream().map(past -> NameKey.of(past.name())).toList(),
                status.designations().stream().filter(Designation::active).toList());
    }

    public String imo() {
        return status.imo();
    }

    public long version() {
        return status.version();
    }

    /** Designated by the registry's word or by any designation still in force: when in doubt, designated. */
    public boolean designated() {
        return status.designated() || !activeDesignations.isEmpty();
    }
}
