package org.interdict.commons.membership;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.interdict.commons.problem.ProblemException;
import org.interdict.commons.security.Caller;

/**
 * Who is in the coalition, as this service's replica of {@code coalition.nations.v1} knows it. Membership is data
 * managed by admins through the gateway, never a list in code: a nation added or suspended there is honoured here as
 * soon as its event arrives.
 */
@ApplicationScoped
public class Membership {

    private final ConcurrentHashMap<String, Nation> nations = new ConcurrentHashMap<>();

    public Optional<Nation> nation(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(nations.get(code));
    }

    public boolean isActiveMember(String code) {
        return nation(code).map(Nation::activeMember).orElse(false);
    }

    public boolean isActive(String code) {
        return nation(code).map(Nation::active).orElse(false);
    }

    /** The nations that receive what goes to every member, such as designation notices. */
    public Set<String> activeMembers() {
        Set<String> members = new TreeSet<>();
        nations.values().stream().filter(Nation::activeMember).forEach(nation -> members.add(nation.code()));
        return members;
    }

    /** Admins, and callers of an active member nation; anyone else is refused with 403. */
    public void requireActiveMember(Caller caller) {
        if (!caller.isAdmin() && !isActiveMember(caller.nation())) {
            throw ProblemException.forbidden("Only coalition members in good standing may do this; nation "
                    + caller.nation() + " is not one");
        }
    }

    /** Admins, and callers of any registered nation that is not suspended (non-member partners included). */
    public void requireActive(Caller caller) {
        if (!caller.isAdmin() && !isActive(caller.nation())) {
            throw ProblemException.forbidden("Nation " + caller.nation() + " is suspended or not registered");
        }
    }

    /** Applies an event unless the replica already holds the same or a newer version of that nation. */
    public boolean apply(NationMembershipEvent event) {
        Nation incoming = new Nation(event.code(), event.name(), event.member(), event.status(), event.version());
        Nation result = nations.merge(event.code(), incoming,
                (known, fresh) -> fresh.version() > known.version() ? fresh : known);
        return result == incoming;
    }
}
