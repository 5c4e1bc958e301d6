package org.interdict.clearance.request;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.interdict.commons.membership.Membership;
import org.interdict.commons.problem.ProblemException;
import org.interdict.commons.security.Caller;

/**
 * Who may ask about which port: an admin about any port; a port officer of an active coalition member nation about
 * the port of their {@code port} claim only. Roles are checked by {@code @RolesAllowed} before this.
 */
@ApplicationScoped
public class PortAccess {

    @Inject
    Caller caller;

    @Inject
    Membership membership;

    /** The port the caller is confined to: empty for an admin. Refuses non-members and officers without a port. */
    public Optional<String> confinedTo() {
        membership.requireActiveMember(caller);
        if (caller.isAdmin()) {
            return Optional.empty();
        }
        return Optional.of(caller.port().orElseThrow(
                () -> ProblemException.forbidden("A port officer's token must name their port (claim 'port')")));
    }

    /** Refuses, with 403, a caller who may not ask for clearance at this port. */
    public void requireMayAskAt(String port) {
        confinedTo().filter(own -> !own.equals(port)).ifPresent(own -> {
            throw ProblemException.forbidden("A port officer may ask about their own port only, " + own + ", not " + port);
        });
    }

    /** Whether the caller may see what happened at this port; others are told it does not exist. */
    public boolean maySee(String port) {
        return confinedTo().map(port::equals).orElse(true);
    }

    public String username() {
        return caller.username();
    }

    public String nation() {
        return caller.nation();
    }
}
