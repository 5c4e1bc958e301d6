package org.interdict.k8s;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import org.interdict.k8s.Manifests.Workload;

/**
 * The project's rules for what its manifests may contain. Each rule answers the violations it finds in one
 * rendered overlay, one line each, naming the object; an empty answer means the rule holds.
 */
enum Rule {

    KNOWN_KINDS("every object is a kind fabric8 models, or an allowed custom resource") {
        @Override
        List<String> check(Manifests manifests) {
            return manifests.objects().stream().filter(o -> !Fields.isKnownKind(o))
                    .map(o -> Manifests.describe(o) + ": unknown kind in " + o.getApiVersion()).toList();
        }
    },

    KNOWN_FIELDS("no object has a field its kind does not define") {
        @Override
        List<String> check(Manifests manifests) {
            return manifests.objects().stream().flatMap(o -> Fields.unknown(o).stream()
                    .map(path -> Manifests.describe(o) + ": unknown field " + path)).toList();
        }
    },

    PROBES("every container has startup, liveness and readiness probes on a port it declares; the platform's "
            + "use SmallRye Health") {
        @Override
        List<String> check(Manifests manifests) {
            List<String> found = new ArrayList<>();
            for (Workload workload : manifests.workloads()) {
                for (Container c : workload.pod().getContainers()) {
                    String where = workload.describe() + " container " + c.getName();
                    boolean platform = "interdict".equals(workload.podLabels().get(PART_OF));
                    probe(found, where, c, "startup", c.getStartupProbe(), platform ? "/q/health/started" : null);
                    probe(found, where, c, "liveness", c.getLivenessProbe(), platform ? "/q/health/live" : null);
                    probe(found, where, c, "readiness", c.getReadinessProbe(), platform ? "/q/health/ready" : null);
                }
            }
            return found;
        }

        private void probe(List<String> found, String where, Container c, String kind, Probe probe, String path) {
            if (probe == null) {
                found.add(where + ": no " + kind + " probe");
                return;
            }
            IntOrString port = probe.getHttpGet() != null ? probe.getHttpGet().getPort()
                    : probe.getTcpSocket() != null ? probe.getTcpSocket().getPort() : null;
            if (port != null && !declares(List.of(c), port)) {
                found.add(where + ": " + kind + " probe on undeclared port " + port.getValue());
            }
            if (path != null && (probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath()))) {
                found.add(where + ": " + kind + " probe must be an HTTP GET of " + path);
            }
        }
    },

    RESOURCES("every container requests and limits CPU and memory") {
        @Override
        List<String> check(Manifests manifests) {
            List<String> found = new ArrayList<>();
            for (Workload workload : manifests.workloads()) {
                for (Container c : containers(workload)) {
                    ResourceRequirements r = c.getResources();
                    for (String resource : List.of("cpu", "memory")) {
                        if (r == null || r.getRequests() == null || !r.getRequests().containsKey(resource)) {
                            found.add(workload.describe() + " container " + c.getName() + ": no " + resource
                                    + " request");
                        }
                        if (r == null || r.getLimits() == null || !r.getLimits().containsKey(resource)) {
                            found.add(workload.describe() + " container " + c.getName() + ": no " + resource
                                    + " limit");
                        }
                    }
                }
            }
            return found;
        }
    },

    LOCKED_DOWN("every container runs as non-root on a read-only root filesystem, without privilege escalation, "
            + "with all capabilities dropped and the RuntimeDefault seccomp profile") {
        @Override
        List<String> check(Manifests manifests) {
            List<String> found = new ArrayList<>();
            for (Workload workload : manifests.workloads()) {
                PodSecurityContext pod = Optional.ofNullable(workload.pod().getSecurityContext())
                        .orElseGet(PodSecurityContext::new);
                for (Container c : containers(workload)) {
                    String where = workload.describe() + " container " + c.getName() + ": ";
                    SecurityContext s = Optional.ofNullable(c.getSecurityContext()).orElseGet(SecurityContext::new);
                    if (!Boolean.TRUE.equals(s.getRunAsNonRoot() != null ? s.getRunAsNonRoot() : pod.getRunAsNonRoot())
                            || Long.valueOf(0).equals(s.getRunAsUser() != null ? s.getRunAsUser() : pod.getRunAsUser())) {
                        found.add(where + "may run as root");
                    }
                    if (!Boolean.TRUE.equals(s.getReadOnlyRootFilesystem())) {
                        found.add(where + "root filesystem is writable");
                    }
                    if (!Boolean.FALSE.equals(s.getAllowPrivilegeEscalation()) || Boolean.TRUE.equals(s.getPrivileged())) {
                        found.add(where + "may escalate privileges");
                    }
                    List<String> dropped = Optional.ofNullable(s.getCapabilities()).map(Capabilities::getDrop)
                            .orElse(List.of());
                    List<String> added = Optional.ofNullable(s.getCapabilities()).map(Capabilities::getAdd)
                            .orElse(List.of());
                    if (!dropped.contains("ALL") || !added.isEmpty()) {
                        found.add(where + "capabilities are not all dropped");
                    }
                    String seccomp = s.getSeccompProfile() != null ? s.getSeccompProfile().getType()
                            : pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
                    if (!"RuntimeDefault".equals(seccomp)) {
                        found.add(where + "seccomp profile is not RuntimeDefault");
                    }
                }
            }
            return found;
        }
    },

    PINNED_IMAGES("every image names a fixed version (a tag other than latest, or a digest)") {
        @Override
        List<String> check(Manifests manifests) {
            List<String> found = new ArrayList<>();
            for (Workload workload : manifests.workloads()) {
                for (Container c : containers(workload)) {
                    unpinned(c.getImage()).ifPresent(p -> found.add(workload.describe() + " container "
                            + c.getName() + ": " + p));
                }
            }
            for (GenericKubernetesResource r : manifests.all(GenericKubernetesResource.class)) {
                for (String field : List.of("image", "imageName")) {
                    Object image = r.get("spec", field);
                    if (image != null) {
                        unpinned(image.toString()).ifPresent(p -> found.add(Manifests.describe(r) + ": " + p));
                    }
                }
            }
            return found;
        }

        private Optional<String> unpinned(String image) {
            if (image == null) {
                return Optional.of("no image");
            }
            if (image.contains("@sha256:")) {
                return Optional.empty();
            }
            int slash = image.lastIndexOf('/');
            int colon = image.lastIndexOf(':');
            if (colon <= slash) {
                return Optional.of("image " + image + " has no tag");
            }
            String tag = image.substring(colon + 1);
            return tag.equalsIgnoreCase("latest") ? Optional.of("image " + image + " uses the latest tag")
                    : Optional.empty();
        }
    },

    SELECTORS("selectors match what they select: workloads their pod templates, Services, disruption budgets and "
            + "ServiceMonitors something that exists, autoscalers an existing target") {
        @Override
        List<String> check(Manifests manifests) {
            List<String> found = new ArrayList<>();
            List<Workload> workloads = manifests.workloads();
            for (Workload w : workloads) {
                if (w.selector() != null && (isEmpty(w.selector()) || !matches(w.selector(), w.podLabels()))) {
                    found.add(w.describe() + ": selector does not match its pod template's labels");
                }
            }
            for (Service s : manifests.all(Service.class)) {
                Map<String, String> selector = s.getSpec().getSelector();
                if (selector == null || selector.isEmpty()
                        || workloads.stream().noneMatch(w -> w.podLabels().entrySet().containsAll(selector.entrySet()))) {
                    found.add(Manifests.describe(s) + ": selects no workload's pods");
                }
            }
            for (PodDisruptionBudget pdb : manifests.all(PodDisruptionBudget.class)) {
                LabelSelector selector = pdb.getSpec().getSelector();
                if (selector == null || isEmpty(selector)
                        || workloads.stream().noneMatch(w -> matches(selector, w.podLabels()))) {
                    found.add(Manifests.describe(pdb) + ": selects no workload's pods");
                }
            }
            for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
                var target = hpa.getSpec().getScaleTargetRef();
                if (manifests.find(target.getKind(), target.getName()).isEmpty()) {
                    found.add(Manifests.describe(hpa) + ": scales " + target.getKind() + "/" + target.getName()
                            + ", which does not exist");
                }
            }
            for (GenericKubernetesResource monitor : manifests.custom("monitoring.coreos.com", "ServiceMonitor")) {
                Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
                if (selector == null || selector.isEmpty() || manifests.all(Service.class).stream()
                        .noneMatch(s -> labels(s).entrySet().containsAll(selector.entrySet()))) {
                    found.add(Manifests.describe(monitor) + ": selects no Service");
                }
            }
            return found;
        }
    },

    SERVICE_PORTS("every Service port targets a port the selected containers declare") {
        @Override
        List<String> check(Manifests manifests) {
            List<String> found = new ArrayList<>();
            for (Service s : manifests.all(Service.class)) {
                Map<String, String> selector = Optional.ofNullable(s.getSpec().getSelector()).orElse(Map.of());
                List<Workload> selected = manifests.workloads().stream()
                        .filter(w -> !selector.isEmpty() && w.podLabels().entrySet().containsAll(selector.entrySet()))
                        .toList();
                for (ServicePort port : s.getSpec().getPorts()) {
                    IntOrString target = port.getTargetPort() != null ? port.getTargetPort()
                            : new IntOrString(port.getPort());
                    for (Workload w : selected) {
                        if (!declares(w.pod().getContainers(), target)) {
                            found.add(Manifests.describe(s) + " port " + port.getName() + ": targets "
                                    + target.getValue() + ", which " + w.describe() + " does not declare");
                        }
                    }
                }
            }
            return found;
        }
    },

    NETWORK_POLICIES("a policy denies all traffic by default, and a policy of its own says who may reach each "
            + "workload") {
        @Override
        List<String> check(Manifests manifests) {
            List<String> found = new ArrayList<>();
            List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
            boolean denyAll = policies.stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector())
                    && p.getSpec().getPolicyTypes() != null
                    && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                    && isEmpty(p.getSpec().getIngress()) && isEmpty(p.getSpec().getEgress()));
            if (!denyAll) {
                found.add("no NetworkPolicy denies all ingress and egress by default");
            }
            for (Workload w : manifests.workloads()) {
                boolean covered = policies.stream().anyMatch(p -> !isEmpty(p.getSpec().getPodSelector())
                        && Optional.ofNullable(p.getSpec().getPolicyTypes()).orElse(List.of("Ingress"))
                                .contains("Ingress")
                        && matches(p.getSpec().getPodSelector(), w.podLabels()));
                if (!covered) {
                    found.add(w.describe() + ": no NetworkPolicy governs who may reach its pods");
                }
            }
            return found;
        }
    },

    GATEWAY_ONLY_INGRESS("only the gateway is exposed through an Ingress") {
        @Override
        List<String> check(Manifests manifests) {
            List<String> found = new ArrayList<>();
            for (Ingress ingress : manifests.all(Ingress.class)) {
                List<IngressBackend> backends = new ArrayList<>();
                if (ingress.getSpec().getDefaultBackend() != null) {
                    backends.add(ingress.getSpec().getDefaultBackend());
                }
                for (IngressRule rule : Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of())) {
                    if (rule.getHttp() != null) {
                        rule.getHttp().getPaths().stream().map(HTTPIngressPath::getBackend).forEach(backends::add);
                    }
                }
                for (IngressBackend backend : backends) {
                    String service = backend.getService() == null ? null : backend.getService().getName();
                    if (!GATEWAY.equals(service)) {
                        found.add(Manifests.describe(ingress) + ": exposes " + service + ", not the gateway");
                    }
                }
            }
            if (manifests.find("Service", GATEWAY).isPresent() && manifests.all(Ingress.class).isEmpty()) {
                found.add("no Ingress exposes the gateway");
            }
            return found;
        }
    },

    NO_PLAINTEXT_SECRETS("production commits no secret: no Secret object, no password or client secret in the "
            + "realm import (only placeholders resolved from Secrets)") {
        @Override
        boolean appliesTo(String overlay) {
            return overlay.equals("prod");
        }

        @Override
        List<String> check(Manifests manifests) {
            List<String> found = new ArrayList<>();
            for (Secret secret : manifests.all(Secret.class)) {
                found.add(Manifests.describe(secret) + ": a Secret is committed");
            }
            for (GenericKubernetesResource realm : manifests.custom("k8s.keycloak.org", "KeycloakRealmImport")) {
                List<Map<String, Object>> users = Optional.<List<Map<String, Object>>>ofNullable(
                        realm.get("spec", "realm", "users")).orElse(List.of());
                for (Map<String, Object> user : users) {
                    if (user.get("credentials") != null) {
                        found.add(Manifests.describe(realm) + ": user " + user.get("username") + " has credentials");
                    }
                }
                List<Map<String, Object>> clients = Optional.<List<Map<String, Object>>>ofNullable(
                        realm.get("spec", "realm", "clients")).orElse(List.of());
                for (Map<String, Object> client : clients) {
                    Object secret = client.get("secret");
                    if (secret != null && !PLACEHOLDER.matcher(secret.toString()).matches()) {
                        found.add(Manifests.describe(realm) + ": client " + client.get("clientId")
                                + " has a literal secret");
                    }
                }
            }
            return found;
        }
    };

    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String GATEWAY = "gateway";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z0-9_]+}");

    private final String description;

    Rule(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** Whether the rule holds for the named overlay (a broken-manifest case names the overlay it breaks). */
    boolean appliesTo(String overlay) {
        return true;
    }

    abstract List<String> check(Manifests manifests);

    private static List<Container> containers(Workload workload) {
        return Stream.concat(workload.pod().getContainers().stream(),
                Optional.ofNullable(workload.pod().getInitContainers()).orElse(List.of()).stream()).toList();
    }

    private static boolean declares(List<Container> containers, IntOrString port) {
        return containers.stream()
                .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                .anyMatch(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
                        : Objects.equals(port.getIntVal(), p.getContainerPort()));
    }

    private static Map<String, String> labels(HasMetadata object) {
        return Optional.ofNullable(object.getMetadata().getLabels()).orElse(Map.of());
    }

    private static boolean isEmpty(Collection<?> items) {
        return items == null || items.isEmpty();
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector == null || isEmpty(Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).keySet())
                && isEmpty(selector.getMatchExpressions());
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> required = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of());
        if (!labels.entrySet().containsAll(required.entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement r : Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of())) {
            String value = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> value != null && r.getValues().contains(value);
                case "NotIn" -> value == null || !r.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
