package org.interdict.readouts.readout;

import org.interdict.commons.security.Caller;

/** Who publishes: a user of a nation (an admin's nation is its token's), or the system (no nation). */
public record Author(String nation, String name, boolean admin) {

    public static final Author SYSTEM = new Author(null, Readout.SYSTEM_AUTHOR, false);

    public static Author of(Caller caller) {
        return new Author(caller.nation(), caller.username(), caller.isAdmin());
    }

    public Viewer asViewer() {
        return new Viewer(nation, admin);
    }
}
