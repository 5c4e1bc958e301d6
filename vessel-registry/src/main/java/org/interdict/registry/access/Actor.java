package org.interdict.registry.access;

import org.interdict.commons.security.Caller;

/** Who makes a change, as the registry records it: the user and the nation that reports it. */
public record Actor(String username, String nation) {

    public static Actor of(Caller caller) {
        return new Actor(caller.username(), caller.nation());
    }
}
