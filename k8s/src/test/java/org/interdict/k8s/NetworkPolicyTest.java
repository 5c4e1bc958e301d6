package org.interdict.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import org.interdict.k8s.Traffic.Pod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered NetworkPolicies allow only ingress controller -> gateway -> services, and the platform's pods ->
 * Kafka, PostgreSQL and Keycloak (plus DNS and Prometheus scraping); nothing else.
 */
class NetworkPolicyTest {

    private static final String NS = "interdict";
    private static final int HTTP = 8080;
    private static final List<String> SERVICES = List.of("vessel-registry", "port-clearance", "diplomatic-readouts");

    private static final Pod INGRESS_CONTROLLER = new Pod("ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of());
    private static final Pod PROMETHEUS = new Pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"),
            Map.of());
    private static final Pod STRANGER = new Pod("default", Map.of("app", "curl"), Map.of());
    private static final Pod DNS = new Pod("kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
    private static final Pod KAFKA = new Pod(NS, Map.of("strimzi.io/cluster", "interdict", "strimzi.io/kind", "Kafka",
            "strimzi.io/name", "interdict-kafka"), Map.of());
    private static final Pod POSTGRES = new Pod(NS, Map.of("cnpg.io/cluster", "interdict-pg", "cnpg.io/podRole",
            "instance"), Map.of());
    private static final Pod KEYCLOAK = new Pod(NS, Map.of("app", "keycloak", "app.kubernetes.io/instance",
            "keycloak"), Map.of());

    static List<String> overlays() {
        return Overlays.NAMES;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheIngressControllerReachesTheGatewayAndOnlyTheGatewayReachesTheServices(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        Traffic traffic = traffic(m);
        Map<String, Pod> apps = apps(m);
        Pod gateway = apps.get("gateway");
        assertTrue(traffic.allows(INGRESS_CONTROLLER, gateway, HTTP));
        assertFalse(traffic.allows(STRANGER, gateway, HTTP));
        for (String name : SERVICES) {
            Pod service = apps.get(name);
            assertTrue(traffic.allows(gateway, service, HTTP), "gateway -> " + name);
            assertFalse(traffic.allows(INGRESS_CONTROLLER, service, HTTP), "ingress controller -> " + name);
            assertFalse(traffic.allows(STRANGER, service, HTTP), "another namespace -> " + name);
            assertFalse(traffic.allows(service, gateway, HTTP), name + " -> gateway");
            for (String other : SERVICES) {
                if (!other.equals(name)) {
                    assertFalse(traffic.allows(service, apps.get(other), HTTP), name + " -> " + other);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void applicationsReachKafkaPostgresKeycloakAndDnsOnly(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        Traffic traffic = traffic(m);
        for (Map.Entry<String, Pod> app : apps(m).entrySet()) {
            Pod pod = app.getValue();
            String name = app.getKey();
            assertTrue(traffic.allows(pod, POSTGRES, 5432), name + " -> PostgreSQL");
            assertTrue(traffic.allows(pod, KEYCLOAK, 8080), name + " -> Keycloak");
            assertTrue(traffic.allows(pod, DNS, 53), name + " -> DNS");
            assertTrue(traffic.allows(PROMETHEUS, pod, HTTP), "Prometheus -> " + name);
            assertFalse(traffic.allows(pod, STRANGER, 443), name + " -> anywhere else");
            assertFalse(traffic.allows(pod, POSTGRES, 8000), name + " -> PostgreSQL's status port");
            assertTrue(traffic.allows(pod, KAFKA, 9092), name + " -> Kafka");
            assertFalse(traffic.allows(pod, KAFKA, 9091), name + " -> Kafka's replication port");
        }
        assertFalse(traffic.allows(STRANGER, POSTGRES, 5432), "another namespace -> PostgreSQL");
        assertFalse(traffic.allows(INGRESS_CONTROLLER, POSTGRES, 5432), "ingress controller -> PostgreSQL");
        assertTrue(traffic.allows(KEYCLOAK, POSTGRES, 5432), "Keycloak -> its database");
        Pod realmImport = new Pod(NS, Map.of("app", "keycloak-realm-import"), Map.of());
        assertTrue(traffic.allows(realmImport, POSTGRES, 5432), "the realm import Job -> Keycloak's database");
        assertFalse(traffic.allows(realmImport, STRANGER, 443), "the realm import Job -> anywhere else");
    }

    /** The rendered policies, plus the one Strimzi generates for the plain listener from its networkPolicyPeers. */
    private static Traffic traffic(Manifests m) {
        GenericKubernetesResource kafka = m.custom("kafka.strimzi.io", "Kafka").get(0);
        List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
        List<NetworkPolicyPeer> peers = listeners.stream().filter(l -> Integer.valueOf(9092).equals(l.get("port")))
                .flatMap(l -> ((List<?>) l.get("networkPolicyPeers")).stream())
                .map(peer -> Manifests.SERIALIZATION.convertValue(peer, NetworkPolicyPeer.class))
                .toList();
        NetworkPolicy strimzi = new NetworkPolicyBuilder().withNewMetadata().withName("strimzi-generated").endMetadata()
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(Map.of("strimzi.io/cluster", "interdict", "strimzi.io/kind",
                        "Kafka")).endPodSelector()
                .withPolicyTypes("Ingress")
                .addNewIngress().withFrom(peers).addNewPort().withPort(new IntOrString(9092)).endPort().endIngress()
                .endSpec().build();
        List<NetworkPolicy> policies = new ArrayList<>(m.all(NetworkPolicy.class));
        policies.add(strimzi);
        return new Traffic(NS, policies);
    }

    private static Map<String, Pod> apps(Manifests m) {
        Map<String, Pod> apps = m.workloads().stream().collect(Collectors.toMap(w -> w.owner().getMetadata().getName(),
                w -> new Pod(NS, w.podLabels(), w.pod().getContainers().stream()
                        .flatMap(c -> c.getPorts().stream())
                        .filter(p -> p.getName() != null)
                        .collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort())))));
        assertEquals(4, apps.size());
        return apps;
    }
}
