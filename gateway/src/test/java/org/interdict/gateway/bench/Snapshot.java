package org.interdict.gateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.interdict.stack.Layout;
import org.interdict.stack.Stack;

/**
 * A private copy of the built applications for the stack the benchmark starts: a build of a module while the run goes
 * on replaces the jars under a running application, which then hangs loading its next class. The broker's jars, the
 * Keycloak distribution and the realm are linked, not copied: builds of the modules do not touch them.
 */
final class Snapshot {

    private Snapshot() {
    }

    static Layout of(Layout checkout, Path dir) {
        try {
            delete(dir);
            for (Stack.App app : Stack.App.values()) {
                copy(checkout.serviceJar(app.module()).getParent(),
                        dir.resolve(app.module()).resolve("target/quarkus-app"));
            }
            link(dir.resolve("stack/target/kafka-libs"), checkout.kafkaLibs());
            link(dir.resolve("stack/target/keycloak"), checkout.keycloakDistribution().getParent());
            link(dir.resolve("k8s/realm"), checkout.realmFile().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the built applications to " + dir, e);
        }
        String previous = System.getProperty("interdict.root");
        System.setProperty("interdict.root", dir.toString());
        try {
            return Layout.locate();
        } finally {
            System.setProperty("interdict.root", previous == null ? "" : previous);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target.toAbsolutePath());
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(file);
            }
        }
    }
}
