package org.interdict.readouts.readout;

import org.interdict.commons.security.Caller;

/** Whose need to know a query answers: a nation, and whether the caller is an admin (who sees everything). */
public record Viewer(String nation, boolean admin) {

    public static Viewer of(Caller caller) {
        return new Viewer(caller.nation(), caller.isAdmin());
    }

    /** A recipient nation as such, e.g. for what a webhook of that nation receives. */
    public static Viewer nation(String nation) {
        return new Viewer(nation, false);
    }

    public boolean wrote(Readout readout) {
        return nation.equals(readout.authorNation);
    }

    /** Who may see a readout's releasability and deliveries: its author's nation and admins. */
    public boolean oversees(Readout readout) {
        return admin || wrote(readout);
    }
}
