package org.interdict.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the checkout's parts are: the built services, the broker's jars and the Keycloak distribution. */
public final class Layout {

    private final Path root;
    private final Properties versions = new Properties();

    private Layout(Path root) {
        this.root = root;
        try (InputStream in = Layout.class.getResourceAsStream("/interdict-stack.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout's root: the {@code interdict.root} property (set by the build), else the nearest parent holding the root pom. */
    public static Layout locate() {
        String configured = System.getProperty("interdict.root");
        if (configured != null && !configured.isBlank()) {
            return new Layout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("stack/pom.xml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new Layout(dir);
            }
        }
        throw new StackException("Cannot find the Interdict checkout: run from inside it or set -Dinterdict.root.");
    }

    public Path root() {
        return root;
    }

    /**
     * A short id of this checkout, for names that must not collide between two checkouts on one machine (test
     * databases): two clones can run their tests at the same time against the same PostgreSQL.
     */
    public String checkoutId() {
        return String.format("%06x", root.toString().hashCode() & 0xffffff);
    }

    public Path kafkaLibs() {
        return built(root.resolve("stack/target/kafka-libs"));
    }

    public Path keycloakDistribution() {
        return built(root.resolve("stack/target/keycloak/keycloak-" + versions.getProperty("keycloak.version")));
    }

    public Path realmFile() {
        return built(root.resolve("k8s/realm/coalition-realm.json"));
    }

    public Path serviceJar(String module) {
        return built(root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"));
    }

    private static Path built(Path path) {
        if (!Files.exists(path)) {
            throw new StackException(path + " is missing: build the platform first (./mvnw package -DskipTests).");
        }
        return path;
    }
}
