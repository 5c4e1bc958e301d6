package org.interdict.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import org.junit.jupiter.api.Test;

/** Development: one of everything, small, with the development realm and the secrets it needs. */
class DevOverlayTest {

    private final Manifests dev = Overlays.rendered("dev");

    @Test
    void oneSmallReplicaOfEverything() {
        for (Deployment d : dev.all(Deployment.class)) {
            assertEquals(1, d.getSpec().getReplicas(), d.getMetadata().getName());
            Quantity cpu = d.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests()
                    .get("cpu");
            assertTrue(cpu.getNumericalAmount().doubleValue() <= 0.1, d.getMetadata().getName() + " requests " + cpu);
        }
        assertEquals(1L, ((Number) dev.custom("kafka.strimzi.io", "KafkaNodePool").get(0).get("spec", "replicas"))
                .longValue());
        assertEquals(1L, ((Number) PlatformTest.cluster(dev).get("spec", "instances")).longValue());
        assertTrue(dev.all(HorizontalPodAutoscaler.class).isEmpty());
        assertTrue(dev.all(PodDisruptionBudget.class).isEmpty());
    }

    @Test
    void developmentUsersCanSignInWithPasswords() {
        GenericKubernetesResource realm = dev.custom("k8s.keycloak.org", "KeycloakRealmImport").get(0);
        List<Map<String, Object>> users = realm.get("spec", "realm", "users");
        assertTrue(users.stream().anyMatch(u -> "busan-officer".equals(u.get("username"))));
        List<Map<String, Object>> clients = realm.get("spec", "realm", "clients");
        assertTrue(clients.stream().anyMatch(c -> "coalition-cli".equals(c.get("clientId"))
                && Boolean.TRUE.equals(c.get("directAccessGrantsEnabled"))));
    }

    /** The generated client secrets are the ones the development realm gives its confidential clients. */
    @Test
    void clientSecretsMatchTheDevelopmentRealm() {
        Secret secrets = (Secret) dev.find("Secret", RealmImports.CLIENT_SECRETS).orElseThrow();
        GenericKubernetesResource realm = dev.custom("k8s.keycloak.org", "KeycloakRealmImport").get(0);
        List<Map<String, Object>> clients = realm.get("spec", "realm", "clients");
        Map<String, String> expected = clients.stream().filter(c -> c.get("secret") != null)
                .collect(Collectors.toMap(c -> (String) c.get("clientId"), c -> (String) c.get("secret")));
        Map<String, String> generated = secrets.getData().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
        assertEquals(expected, generated);
    }

    /** Every Secret a workload or operator resource names is generated, so dev starts with nothing to create. */
    @Test
    void everyReferencedSecretExists() {
        Set<String> generated = dev.all(Secret.class).stream().map(s -> s.getMetadata().getName())
                .collect(Collectors.toSet());
        Set<String> referenced = new HashSet<>();
        for (Deployment d : dev.all(Deployment.class)) {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .map(EnvVar::getValueFrom).filter(v -> v != null && v.getSecretKeyRef() != null)
                    .forEach(v -> referenced.add(v.getSecretKeyRef().getName()));
        }
        List<Map<String, Object>> roles = PlatformTest.cluster(dev).get("spec", "managed", "roles");
        roles.forEach(r -> referenced.add(((Map<?, ?>) r.get("passwordSecret")).get("name").toString()));
        GenericKubernetesResource keycloak = dev.custom("k8s.keycloak.org", "Keycloak").get(0);
        referenced.add(keycloak.get("spec", "db", "passwordSecret", "name"));
        assertTrue(generated.containsAll(referenced), "missing: " + referenced.stream()
                .filter(r -> !generated.contains(r)).toList());
        Secret registry = (Secret) dev.find("Secret", "interdict-db-registry").orElseThrow();
        assertEquals("kubernetes.io/basic-auth", registry.getType(), "CloudNativePG reads basic-auth Secrets");
    }
}
