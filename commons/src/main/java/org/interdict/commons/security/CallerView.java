package org.interdict.commons.security;

import java.util.Set;
import java.util.TreeSet;

/** The caller as a service sees it, for {@code whoami}-style answers. */
public record CallerView(String service, String username, String nation, Set<String> roles, String port) {

    public static CallerView of(String service, Caller caller) {
        return new CallerView(service, caller.username(), caller.nation(), new TreeSet<>(caller.roles()),
                caller.port().orElse(null));
    }
}
