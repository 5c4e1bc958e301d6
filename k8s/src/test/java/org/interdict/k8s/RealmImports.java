package org.interdict.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * The overlays' KeycloakRealmImports, generated from the realm file the development stack imports
 * ({@code k8s/realm/coalition-realm.json}): dev imports it as it is; prod drops the development users (keeping the
 * clients' service accounts), turns direct access grants off, and replaces each client secret by a placeholder the
 * Keycloak Operator fills from the Secret {@value #CLIENT_SECRETS} (key: the client id). RealmImportTest checks the
 * committed files against this; run it with {@code -Dk8s.regenerate=true} to rewrite them after the realm changes.
 */
final class RealmImports {

    static final String CLIENT_SECRETS = "interdict-oidc-clients";
    static final String KEYCLOAK = "keycloak";

    private RealmImports() {
    }

    static Map<String, Object> realm(Path k8sDir) {
        try {
            return Manifests.SERIALIZATION.unmarshal(Files.readString(k8sDir.resolve("realm/coalition-realm.json")),
                    Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GenericKubernetesResource dev(Map<String, Object> realm) {
        return realmImport(realm, Map.of());
    }

    @SuppressWarnings("unchecked")
    static GenericKubernetesResource prod(Map<String, Object> devRealm, List<String> redirectUris) {
        Map<String, Object> realm = Manifests.SERIALIZATION.clone(devRealm);
        List<Map<String, Object>> users = (List<Map<String, Object>>) realm.getOrDefault("users", List.of());
        realm.put("users", users.stream().filter(u -> u.containsKey("serviceAccountClientId")).toList());
        Map<String, Object> placeholders = new LinkedHashMap<>();
        for (Map<String, Object> client : (List<Map<String, Object>>) realm.get("clients")) {
            client.put("directAccessGrantsEnabled", false);
            if (client.containsKey("redirectUris")) {
                client.put("redirectUris", new ArrayList<>(redirectUris));
            }
            if (client.containsKey("secret")) {
                String clientId = (String) client.get("clientId");
                String name = clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
                client.put("secret", "${" + name + "}");
                placeholders.put(name, Map.of("secret", Map.of("name", CLIENT_SECRETS, "key", clientId)));
            }
        }
        return realmImport(realm, placeholders);
    }

    private static GenericKubernetesResource realmImport(Map<String, Object> realm, Map<String, Object> placeholders) {
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setApiVersion("k8s.keycloak.org/v2alpha1");
        resource.setKind("KeycloakRealmImport");
        resource.setMetadata(new ObjectMetaBuilder().withName((String) realm.get("realm")).build());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", KEYCLOAK);
        if (!placeholders.isEmpty()) {
            spec.put("placeholders", placeholders);
        }
        spec.put("realm", realm);
        resource.setAdditionalProperty("spec", spec);
        return resource;
    }

    static String toYaml(GenericKubernetesResource resource) {
        return "# Generated from k8s/realm/coalition-realm.json by RealmImports (k8s module tests): do not edit;\n"
                + "# regenerate with ./mvnw -pl k8s verify -Dk8s.regenerate=true\n"
                + Manifests.SERIALIZATION.asYaml(resource).replaceFirst("^---\\n", "");
    }
}
