package org.interdict.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import org.junit.jupiter.api.Test;

/** Production: replicated, autoscaled where the load is, protected from drains, observable, and secret-free. */
class ProdOverlayTest {

    private final Manifests prod = Overlays.rendered("prod");

    @Test
    void gatewayAndClearanceAutoscaleAndNoServiceLosesItsLastReplica() {
        assertEquals(Set.of("gateway", "port-clearance"), prod.all(HorizontalPodAutoscaler.class).stream()
                .map(h -> h.getSpec().getScaleTargetRef().getName()).collect(Collectors.toSet()));
        for (HorizontalPodAutoscaler hpa : prod.all(HorizontalPodAutoscaler.class)) {
            assertTrue(hpa.getSpec().getMinReplicas() >= 2);
            Deployment target = (Deployment) prod.find("Deployment", hpa.getSpec().getScaleTargetRef().getName())
                    .orElseThrow();
            assertNull(target.getSpec().getReplicas(), "the autoscaler alone sets the replicas of "
                    + target.getMetadata().getName());
        }
        Set<String> protectedPods = prod.all(PodDisruptionBudget.class).stream()
                .map(p -> p.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .collect(Collectors.toSet());
        assertEquals(PlatformTest.DATABASES.keySet(), protectedPods);
        for (Deployment d : prod.all(Deployment.class)) {
            assertTrue(d.getSpec().getReplicas() == null || d.getSpec().getReplicas() >= 2, d.getMetadata().getName());
        }
    }

    @Test
    void infrastructureIsReplicatedThreeWaysAndBackedUp() {
        GenericKubernetesResource pool = prod.custom("kafka.strimzi.io", "KafkaNodePool").get(0);
        assertEquals(3, ((Number) pool.get("spec", "replicas")).intValue());
        for (GenericKubernetesResource topic : prod.custom("kafka.strimzi.io", "KafkaTopic")) {
            assertEquals(3, ((Number) topic.get("spec", "replicas")).intValue());
            assertEquals(2, ((Number) topic.get("spec", "config", "min.insync.replicas")).intValue());
        }
        GenericKubernetesResource cluster = PlatformTest.cluster(prod);
        assertEquals(3, ((Number) cluster.get("spec", "instances")).intValue());
        List<Map<String, Object>> plugins = cluster.get("spec", "plugins");
        assertEquals(Boolean.TRUE, plugins.get(0).get("isWALArchiver"));
        assertEquals(1, prod.custom("postgresql.cnpg.io", "ScheduledBackup").size());
        assertEquals(2, ((Number) prod.custom("k8s.keycloak.org", "Keycloak").get(0).get("spec", "instances"))
                .intValue());
    }

    @Test
    void logsAreJsonAndTracesExported() {
        ConfigMap config = (ConfigMap) prod.find("ConfigMap", "interdict-config").orElseThrow();
        assertEquals("true", config.getData().get("QUARKUS_LOG_CONSOLE_JSON"));
        assertEquals("true", config.getData().get("QUARKUS_LOG_CONSOLE_JSON_ENABLED"));
        assertEquals("false", config.getData().get("QUARKUS_OTEL_SDK_DISABLED"));
        assertEquals("http://otel-collector.observability:4317",
                config.getData().get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
        ConfigMap devConfig = (ConfigMap) Overlays.rendered("dev").find("ConfigMap", "interdict-config").orElseThrow();
        assertEquals("false", devConfig.getData().get("QUARKUS_LOG_CONSOLE_JSON"));
        assertEquals("false", devConfig.getData().get("QUARKUS_LOG_CONSOLE_JSON_ENABLED"));
        // dev propagates and logs trace context; with no endpoint nothing tries to export
        assertEquals("false", devConfig.getData().get("QUARKUS_OTEL_SDK_DISABLED"));
        assertEquals(null, devConfig.getData().get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    @Test
    void theGatewayIsServedOverTlsOnTheProductionHost() {
        Ingress ingress = prod.all(Ingress.class).get(0);
        assertEquals(Overlays.PROD_HOST, ingress.getSpec().getRules().get(0).getHost());
        assertEquals(List.of(Overlays.PROD_HOST), ingress.getSpec().getTls().get(0).getHosts());
    }

    /** The admin creates every Secret prod names; docs/OPERATIONS.md must say how, for each of them. */
    @Test
    void operationsGuideCreatesEverySecretProdReferences() throws IOException {
        String guide = Files.readString(Overlays.k8sDir().resolveSibling("docs/OPERATIONS.md"));
        Set<String> referenced = new TreeSet<>();
        prod.all(Deployment.class).forEach(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                .stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .forEach(e -> referenced.add(e.getValueFrom().getSecretKeyRef().getName())));
        List<Map<String, Object>> roles = PlatformTest.cluster(prod).get("spec", "managed", "roles");
        roles.forEach(r -> referenced.add(((Map<?, ?>) r.get("passwordSecret")).get("name").toString()));
        referenced.add(prod.custom("barmancloud.cnpg.io", "ObjectStore").get(0)
                .get("spec", "configuration", "s3Credentials", "accessKeyId", "name"));
        referenced.add(RealmImports.CLIENT_SECRETS);
        ingressTls().forEach(referenced::add);
        for (String secret : referenced) {
            assertTrue(guide.contains(secret), "docs/OPERATIONS.md does not create " + secret);
        }
    }

    private List<String> ingressTls() {
        return prod.all(Ingress.class).stream().flatMap(i -> i.getSpec().getTls().stream())
                .map(t -> t.getSecretName()).toList();
    }
}
