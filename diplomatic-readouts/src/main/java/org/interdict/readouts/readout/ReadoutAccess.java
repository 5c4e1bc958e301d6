package org.interdict.readouts.readout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.interdict.commons.membership.Membership;
import org.interdict.commons.security.Caller;

/**
 * The nation-level gate before any readout path: a suspended or unknown nation's users get 403 on everything; only
 * members in good standing (and admins) publish. Roles are checked before this, by {@code @RolesAllowed}.
 */
@RequestScoped
public class ReadoutAccess {

    @Inject
    Caller caller;

    @Inject
    Membership membership;

    /** Members and non-member partners alike may receive what was released to them. */
    public Viewer reader() {
        membership.requireActive(caller);
        return Viewer.of(caller);
    }

    public Author publisher() {
        membership.requireActive(caller);
        membership.requireActiveMember(caller);
        return Author.of(caller);
    }

    /** Webhooks are a member's tool: partners receive through their inbox and the stream. */
    public Viewer member() {
        membership.requireActive(caller);
        membership.requireActiveMember(caller);
        return Viewer.of(caller);
    }
}
