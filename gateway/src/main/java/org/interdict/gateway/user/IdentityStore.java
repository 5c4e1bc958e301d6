package org.interdict.gateway.user;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interdict.commons.problem.ProblemException;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Users live in Keycloak, reached through its admin API with the gateway's service account (only the
 * realm-management roles it needs). A creation that fails half-way is undone, so no half-made user remains.
 */
@ApplicationScoped
public class IdentityStore {

    private static final Logger LOG = Logger.getLogger(IdentityStore.class);
    static final List<String> PLATFORM_ROLES = List.of("admin", "ministry", "port-officer");

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realmName;

    public UserRequests.UserView create(UserRequests.NewUser user) {
        return unavailableAsProblem(() -> {
            RealmResource realm = keycloak.realm(realmName);
            UserRepresentation representation = new UserRepresentation();
            representation.setUsername(user.username());
            representation.setEnabled(true);
            representation.setEmailVerified(true);
            representation.setAttributes(user.port() == null ? Map.of("nation", List.of(user.nation()))
                    : Map.of("nation", List.of(user.nation()), "port", List.of(user.port())));
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue(user.password());
            password.setTemporary(user.passwordIsTemporary());
            representation.setCredentials(List.of(password));
            String id;
            try (Response response = realm.users().create(representation)) {
                if (response.getStatus() == 409) {
                    throw ProblemException.conflict("User " + user.username() + " already exists");
                }
                if (response.getStatus() != 201) {
                    throw ProblemException.badRequest("The identity service refused the user (status "
                            + response.getStatus() + ")");
                }
                id = CreatedResponseUtil.getCreatedId(response);
            }
            try {
                RoleRepresentation role = realm.roles().get(user.role()).toRepresentation();
                realm.users().get(id).roles().realmLevel().add(List.of(role));
            } catch (RuntimeException e) {
                LOG.warnf("Undoing user %s: its role could not be granted (%s)", user.username(), e.getMessage());
                realm.users().get(id).remove();
                throw e;
            }
            return new UserRequests.UserView(user.username(), user.nation(), user.role(), user.port(), true);
        });
    }

    public List<UserRequests.UserView> byNation(Optional<String> nation) {
        return unavailableAsProblem(() -> {
            RealmResource realm = keycloak.realm(realmName);
            List<UserRepresentation> users = nation.isPresent()
                    ? realm.users().searchByAttributes(0, 1000, null, false, "nation:" + nation.get())
                    : realm.users().list(0, 1000);
            return users.stream()
                    .filter(user -> user.getServiceAccountClientId() == null && !user.getUsername().startsWith("service-account-"))
                    .map(user -> view(realm, user))
                    .sorted(java.util.Comparator.comparing(UserRequests.UserView::username))
                    .toList();
        });
    }

    public UserRequests.UserView disable(String username) {
        return unavailableAsProblem(() -> {
            RealmResource realm = keycloak.realm(realmName);
            UserRepresentation user = realm.users().searchByUsername(username, true).stream().findFirst()
                    .orElseThrow(() -> ProblemException.notFound("No user " + username));
            user.setEnabled(false);
            realm.users().get(user.getId()).update(user);
            // ends the user's sessions, so the next token refresh fails
            realm.users().get(user.getId()).logout();
            return view(realm, user);
        });
    }

    private static UserRequests.UserView view(RealmResource realm, UserRepresentation user) {
        String role = realm.users().get(user.getId()).roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName).filter(PLATFORM_ROLES::contains).findFirst().orElse(null);
        return new UserRequests.UserView(user.getUsername(), attribute(user, "nation"), role, attribute(user, "port"),
                Boolean.TRUE.equals(user.isEnabled()));
    }

    private static String attribute(UserRepresentation user, String name) {
        return user.getAttributes() == null ? null
                : user.getAttributes().getOrDefault(name, List.of()).stream().findFirst().orElse(null);
    }

    private static <T> T unavailableAsProblem(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ProcessingException e) {
            throw ProblemException.unavailable("The identity service is unreachable; nothing was changed. Retry shortly");
        } catch (WebApplicationException e) {
            // the identity service refused or failed: its own words stay in our log, not in the answer
            LOG.warnf("The identity service answered %d: %s", e.getResponse().getStatus(), e.getMessage());
            throw ProblemException.unavailable("The identity service could not complete the operation; nothing was"
                    + " changed. Retry shortly");
        }
    }
}
