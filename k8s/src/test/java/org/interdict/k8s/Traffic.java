package org.interdict.k8s;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Evaluates the rendered NetworkPolicies of the platform's namespace the way a CNI does: a connection passes when
 * the source may send it (its egress) and the destination may receive it (its ingress). A pod no policy selects
 * for a direction is open in that direction; pods outside the namespace are governed by no policy here.
 */
record Traffic(String namespace, List<NetworkPolicy> policies) {

    /** A pod: its namespace, its labels and its named container ports. */
    record Pod(String namespace, Map<String, String> labels, Map<String, Integer> ports) {
    }

    boolean allows(Pod from, Pod to, int port) {
        return (!from.namespace().equals(namespace) || permits(from, to, port, false))
                && (!to.namespace().equals(namespace) || permits(to, from, port, true));
    }

    /** Whether the policies selecting {@code subject} let it talk with {@code peer} in one direction. */
    private boolean permits(Pod subject, Pod peer, int port, boolean ingress) {
        String type = ingress ? "Ingress" : "Egress";
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> Optional.ofNullable(p.getSpec().getPolicyTypes()).orElse(List.of("Ingress")).contains(type))
                .filter(p -> Rule.matches(p.getSpec().getPodSelector(), subject.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        Pod destination = ingress ? subject : peer;
        return selecting.stream().anyMatch(p -> ingress
                ? Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).stream()
                        .anyMatch(r -> peers(r.getFrom(), peer) && ports(r.getPorts(), destination, port))
                : Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of()).stream()
                        .anyMatch(r -> peers(r.getTo(), peer) && ports(r.getPorts(), destination, port)));
    }

    private boolean peers(List<NetworkPolicyPeer> peers, Pod pod) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> {
            LabelSelector namespaces = peer.getNamespaceSelector();
            LabelSelector pods = peer.getPodSelector();
            if (namespaces == null && pods == null) {
                return false;
            }
            boolean namespaceMatches = namespaces == null ? pod.namespace().equals(namespace)
                    : Rule.matches(namespaces, Map.of("kubernetes.io/metadata.name", pod.namespace()));
            return namespaceMatches && (pods == null || Rule.matches(pods, pod.labels()));
        });
    }

    private static boolean ports(List<NetworkPolicyPort> ports, Pod destination, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> {
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            Integer number = value.getStrVal() != null ? destination.ports().get(value.getStrVal()) : value.getIntVal();
            return number != null && number == port;
        });
    }
}
