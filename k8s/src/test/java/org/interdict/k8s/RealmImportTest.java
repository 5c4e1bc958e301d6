package org.interdict.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import org.junit.jupiter.api.Test;

/** The realm imports the overlays carry are the ones generated from the development stack's realm file. */
class RealmImportTest {

    private static final Map<String, Object> REALM = RealmImports.realm(Overlays.k8sDir());

    @Test
    void devImportsTheDevelopmentRealmAsItIs() throws IOException {
        GenericKubernetesResource expected = RealmImports.dev(REALM);
        assertCommitted("dev", expected);
        assertEquals(REALM, importIn("dev").get("spec", "realm"));
    }

    @Test
    void prodImportsTheRealmWithoutDevelopmentUsersGrantsOrSecrets() throws IOException {
        GenericKubernetesResource expected = RealmImports.prod(REALM, List.of("https://" + Overlays.PROD_HOST + "/*"));
        assertCommitted("prod", expected);

        GenericKubernetesResource prod = importIn("prod");
        List<Map<String, Object>> users = prod.get("spec", "realm", "users");
        assertTrue(users.stream().allMatch(u -> u.containsKey("serviceAccountClientId")), "only service accounts");
        assertFalse(users.isEmpty(), "the gateway's service account and its admin roles stay");
        List<Map<String, Object>> clients = prod.get("spec", "realm", "clients");
        assertTrue(clients.stream().noneMatch(c -> Boolean.TRUE.equals(c.get("directAccessGrantsEnabled"))));
        assertEquals(REALM.get("roles"), prod.get("spec", "realm", "roles"), "same roles as development");
        Map<String, Map<String, Map<String, String>>> placeholders = prod.get("spec", "placeholders");
        assertEquals(Map.of("secret", Map.of("name", RealmImports.CLIENT_SECRETS, "key", "interdict-gateway")),
                placeholders.get("INTERDICT_GATEWAY_SECRET"));
        assertEquals(RealmImports.KEYCLOAK, prod.get("spec", "keycloakCRName"));
    }

    private static GenericKubernetesResource importIn(String overlay) {
        List<GenericKubernetesResource> imports = Overlays.rendered(overlay).custom("k8s.keycloak.org",
                "KeycloakRealmImport");
        assertEquals(1, imports.size(), overlay + " imports one realm");
        return imports.get(0);
    }

    /** Compares parsed content, not text; rewrites the committed file instead when asked to regenerate. */
    private static void assertCommitted(String overlay, GenericKubernetesResource expected) throws IOException {
        Path file = Overlays.k8sDir().resolve("overlays").resolve(overlay).resolve("realm-import.yaml");
        if (Boolean.getBoolean("k8s.regenerate")) {
            Files.writeString(file, RealmImports.toYaml(expected));
        }
        GenericKubernetesResource committed = Manifests.SERIALIZATION.unmarshal(Files.readString(file),
                GenericKubernetesResource.class);
        assertEquals(expected, committed, file + " is stale: regenerate it with -Dk8s.regenerate=true");
    }
}
