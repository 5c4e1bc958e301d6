package org.interdict.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The objects one kustomization renders to, parsed into fabric8's typed models (custom resources stay generic). */
record Manifests(String source, List<HasMetadata> objects) {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    /** A pod template and what selects it: Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, bare Pods. */
    record Workload(HasMetadata owner, LabelSelector selector, Map<String, String> podLabels, PodSpec pod) {

        String describe() {
            return Manifests.describe(owner);
        }
    }

    static Manifests render(Path kustomization) {
        return parse(kustomization.toString(), Kustomize.render(kustomization));
    }

    static Manifests parse(String source, String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (document.isBlank()) {
                continue;
            }
            KubernetesResource resource = SERIALIZATION.unmarshal(document, KubernetesResource.class);
            if (!(resource instanceof HasMetadata object)) {
                throw new IllegalArgumentException(source + ": not a Kubernetes object: " + document);
            }
            objects.add(object);
        }
        return new Manifests(source, List.copyOf(objects));
    }

    static String describe(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Custom resources of one kind, e.g. {@code custom("kafka.strimzi.io", "KafkaTopic")}. */
    List<GenericKubernetesResource> custom(String group, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getApiVersion().startsWith(group + "/") && r.getKind().equals(kind))
                .toList();
    }

    Optional<HasMetadata> find(String kind, String name) {
        return objects.stream()
                .filter(o -> o.getKind().equals(kind) && o.getMetadata().getName().equals(name))
                .findFirst();
    }

    List<Workload> workloads() {
        return objects.stream().<Workload>flatMap(o -> {
            if (o instanceof Deployment d) {
                return Stream.of(new Workload(d, d.getSpec().getSelector(), podLabels(d.getSpec().getTemplate()),
                        d.getSpec().getTemplate().getSpec()));
            } else if (o instanceof StatefulSet s) {
                return Stream.of(new Workload(s, s.getSpec().getSelector(), podLabels(s.getSpec().getTemplate()),
                        s.getSpec().getTemplate().getSpec()));
            } else if (o instanceof DaemonSet s) {
                return Stream.of(new Workload(s, s.getSpec().getSelector(), podLabels(s.getSpec().getTemplate()),
                        s.getSpec().getTemplate().getSpec()));
            } else if (o instanceof ReplicaSet s) {
                return Stream.of(new Workload(s, s.getSpec().getSelector(), podLabels(s.getSpec().getTemplate()),
                        s.getSpec().getTemplate().getSpec()));
            } else if (o instanceof Job j) {
                return Stream.of(new Workload(j, null, podLabels(j.getSpec().getTemplate()),
                        j.getSpec().getTemplate().getSpec()));
            } else if (o instanceof CronJob c) {
                var template = c.getSpec().getJobTemplate().getSpec().getTemplate();
                return Stream.of(new Workload(c, null, podLabels(template), template.getSpec()));
            } else if (o instanceof Pod p) {
                return Stream.of(new Workload(p, null, labels(p.getMetadata()), p.getSpec()));
            }
            return Stream.empty();
        }).toList();
    }

    private static Map<String, String> podLabels(PodTemplateSpec template) {
        return labels(template.getMetadata());
    }

    private static Map<String, String> labels(ObjectMeta metadata) {
        return metadata == null || metadata.getLabels() == null ? Map.of() : metadata.getLabels();
    }
}
