package org.interdict.gateway.user;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.interdict.commons.geo.UnLocode;
import org.interdict.commons.problem.ProblemException;
import org.interdict.gateway.nation.NationService;

/** Onboards people: the platform's rules on nations and ports before anything reaches the identity store. */
@ApplicationScoped
public class UserService {

    @Inject
    NationService nations;

    @Inject
    IdentityStore identities;

    public UserRequests.UserView create(UserRequests.NewUser user) {
        if (nations.find(user.nation()).isEmpty()) {
            throw ProblemException.invalid("nation", "is not a nation of the platform; add it first");
        }
        boolean officer = "port-officer".equals(user.role());
        if (officer && user.port() == null) {
            throw ProblemException.invalid("port", "is required for a port officer");
        }
        if (!officer && user.port() != null) {
            throw ProblemException.invalid("port", "is only for port officers");
        }
        if (officer && !UnLocode.country(user.port()).map(user.nation()::equals).orElse(false)) {
            throw ProblemException.invalid("port", "must be a UN/LOCODE in " + user.nation());
        }
        return identities.create(user);
    }

    public List<UserRequests.UserView> list(Optional<String> nation) {
        return identities.byNation(nation);
    }

    public UserRequests.UserView disable(String username) {
        return identities.disable(username);
    }
}
