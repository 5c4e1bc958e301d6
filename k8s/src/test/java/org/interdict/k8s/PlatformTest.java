package org.interdict.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What both overlays must deploy: the four applications wired to the infrastructure the operators run. */
class PlatformTest {

    /** Module (Deployment, image) -> its own database. */
    static final Map<String, String> DATABASES = Map.of(
            "vessel-registry", "interdict_registry",
            "port-clearance", "interdict_clearance",
            "diplomatic-readouts", "interdict_readouts",
            "gateway", "interdict_gateway");

    private static final Pattern EVENTS_ROW = Pattern.compile("(?m)^\\| `([a-z0-9.-]+)` \\|.*\\| (compact|delete) \\|");
    private static final Pattern IMAGE = Pattern.compile("(.+/)?interdict/([a-z-]+):(\\d+\\.\\d+\\.\\d+)");

    static List<String> overlays() {
        return Overlays.NAMES;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyApplicationRunsItsOwnPinnedImageWithItsOwnDatabase(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        Map<String, Deployment> deployments = m.all(Deployment.class).stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
        assertEquals(DATABASES.keySet(), deployments.keySet());
        Set<String> databases = databases(m);
        DATABASES.forEach((module, database) -> {
            var container = deployments.get(module).getSpec().getTemplate().getSpec().getContainers().get(0);
            Matcher image = IMAGE.matcher(container.getImage());
            assertTrue(image.matches() && image.group(2).equals(module), module + " runs " + container.getImage());
            assertEquals("jdbc:postgresql://interdict-pg-rw:5432/" + database, env(container.getEnv(),
                    "QUARKUS_DATASOURCE_JDBC_URL"), module);
            assertTrue(databases.contains(database), database + " is created");
            assertTrue(m.find("Service", module).isPresent(), module + " has a Service");
        });
        assertTrue(databases.contains("keycloak"), "Keycloak has its database");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void databaseOwnersAreManagedRolesWithTheirOwnSecrets(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        List<Map<String, Object>> roles = cluster(m).get("spec", "managed", "roles");
        Map<String, String> secretOf = new LinkedHashMap<>();
        roles.forEach(r -> secretOf.put((String) r.get("name"), ((Map<?, ?>) r.get("passwordSecret")).get("name")
                .toString()));
        for (GenericKubernetesResource database : m.custom("postgresql.cnpg.io", "Database")) {
            String owner = database.get("spec", "owner");
            assertTrue(secretOf.containsKey(owner), database.getMetadata().getName() + " owner " + owner);
            assertEquals("interdict-pg", database.get("spec", "cluster", "name"));
        }
        assertEquals(secretOf.size(), Set.copyOf(secretOf.values()).size(), "one password Secret per role");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaRunsInKraftModeWithTheTopicsOfTheEventsCatalogue(String overlay) throws IOException {
        Manifests m = Overlays.rendered(overlay);
        List<GenericKubernetesResource> pools = m.custom("kafka.strimzi.io", "KafkaNodePool");
        assertEquals(1, pools.size());
        GenericKubernetesResource pool = pools.get(0);
        assertEquals(List.of("controller", "broker"), pool.get("spec", "roles"), "KRaft: no ZooKeeper");
        assertNull(m.custom("kafka.strimzi.io", "Kafka").get(0).get("spec", "zookeeper"));
        int nodes = ((Number) pool.get("spec", "replicas")).intValue();

        String catalogue = Files.readString(Overlays.k8sDir().resolveSibling("docs/EVENTS.md"));
        Map<String, String> expected = new LinkedHashMap<>();
        EVENTS_ROW.matcher(catalogue).results().forEach(r -> expected.put(r.group(1), r.group(2)));
        assertTrue(expected.size() >= 6, "topics read from docs/EVENTS.md: " + expected);
        Map<String, String> declared = new LinkedHashMap<>();
        for (GenericKubernetesResource topic : m.custom("kafka.strimzi.io", "KafkaTopic")) {
            declared.put(topic.getMetadata().getName(), topic.get("spec", "config", "cleanup.policy"));
            int replicas = ((Number) topic.get("spec", "replicas")).intValue();
            assertTrue(replicas <= nodes, topic.getMetadata().getName() + " has more replicas than nodes");
            assertEquals("interdict", topic.getMetadata().getLabels().get("strimzi.io/cluster"));
        }
        assertEquals(expected, declared);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    @SuppressWarnings("unchecked")
    void everyServiceIsScrapedAndTheClearanceDashboardIsShipped(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        GenericKubernetesResource monitor = m.custom("monitoring.coreos.com", "ServiceMonitor").get(0);
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        for (Service service : m.all(Service.class)) {
            assertTrue(service.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()),
                    service.getMetadata().getName() + " is scraped");
        }
        List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
        assertEquals("/q/metrics", endpoints.get(0).get("path"));

        ConfigMap dashboard = (ConfigMap) m.find("ConfigMap", "interdict-dashboard-port-clearance").orElseThrow();
        assertEquals("1", dashboard.getMetadata().getLabels().get("grafana_dashboard"));
        Map<String, Object> json = Manifests.SERIALIZATION.unmarshal(
                dashboard.getData().get("port-clearance.json"), Map.class);
        List<Map<String, Object>> panels = (List<Map<String, Object>>) json.get("panels");
        String queries = panels.stream().flatMap(p -> ((List<Map<String, Object>>) p.get("targets")).stream())
                .map(t -> (String) t.get("expr")).collect(Collectors.joining("\n"));
        // The names port-clearance registers (DecisionMetrics, ReplicaMetrics) as Prometheus exposes them.
        Stream.of("clearance_decisions_total", "clearance_replica_lag", "clearance_data_age_seconds",
                "clearance_replica_vessels", "outbox_backlog", "http_server_requests_seconds")
                .forEach(metric -> assertTrue(queries.contains(metric), "the dashboard shows " + metric));
    }

    /** The standard Quarkus settings each application reads name the objects the operators actually create. */
    @ParameterizedTest
    @MethodSource("overlays")
    void applicationsAreWiredToWhatTheOperatorsCreate(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        ConfigMap config = (ConfigMap) m.find("ConfigMap", "interdict-config").orElseThrow();
        GenericKubernetesResource kafka = m.custom("kafka.strimzi.io", "Kafka").get(0);
        List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
        assertEquals(kafka.getMetadata().getName() + "-kafka-bootstrap:" + listeners.get(0).get("port"),
                config.getData().get("KAFKA_BOOTSTRAP_SERVERS"));
        String keycloak = m.custom("k8s.keycloak.org", "Keycloak").get(0).getMetadata().getName();
        String realm = m.custom("k8s.keycloak.org", "KeycloakRealmImport").get(0).get("spec", "realm", "realm");
        assertEquals("http://" + keycloak + "-service:8080/realms/" + realm,
                config.getData().get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        String primary = cluster(m).getMetadata().getName() + "-rw";
        for (Deployment d : m.all(Deployment.class)) {
            var container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertTrue(env(container.getEnv(), "QUARKUS_DATASOURCE_JDBC_URL").contains("//" + primary + ":5432/"));
            assertEquals("interdict-config", container.getEnvFrom().get(0).getConfigMapRef().getName());
            for (String secretEnv : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals(secretEnv)
                        && e.getValueFrom().getSecretKeyRef() != null), d.getMetadata().getName() + " " + secretEnv);
            }
        }
        Deployment gateway = (Deployment) m.find("Deployment", "gateway").orElseThrow();
        List<EnvVar> gatewayEnv = gateway.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        Map.of("REGISTRY", "vessel-registry", "CLEARANCE", "port-clearance", "READOUTS", "diplomatic-readouts")
                .forEach((key, service) -> {
                    Service target = (Service) m.find("Service", service).orElseThrow();
                    assertEquals("http://" + service + ":" + target.getSpec().getPorts().get(0).getPort(),
                            env(gatewayEnv, "INTERDICT_GATEWAY_SERVICES_" + key));
                });
        assertEquals("http://" + keycloak + "-service:8080", env(gatewayEnv, "QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL"));
    }

    static String env(List<EnvVar> env, String name) {
        return env.stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst().orElse(null);
    }

    static GenericKubernetesResource cluster(Manifests m) {
        List<GenericKubernetesResource> clusters = m.custom("postgresql.cnpg.io", "Cluster");
        assertEquals(1, clusters.size());
        return clusters.get(0);
    }

    private static Set<String> databases(Manifests m) {
        Set<String> names = m.custom("postgresql.cnpg.io", "Database").stream()
                .map(d -> (String) d.get("spec", "name")).collect(Collectors.toSet());
        names.add(cluster(m).get("spec", "bootstrap", "initdb", "database"));
        return names;
    }
}
