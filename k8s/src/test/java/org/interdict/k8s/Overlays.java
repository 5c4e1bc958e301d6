package org.interdict.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where the k8s module's kustomizations are, and their renderings (each rendered once per test run). */
final class Overlays {

    static final List<String> NAMES = List.of("dev", "prod");
    static final String PROD_HOST = "interdict.example";

    private static final Map<Path, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    static Path k8sDir() {
        return Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath().normalize();
    }

    static Manifests rendered(String overlay) {
        return render(k8sDir().resolve("overlays").resolve(overlay));
    }

    static Manifests render(Path kustomization) {
        return RENDERED.computeIfAbsent(kustomization, Manifests::render);
    }
}
