package org.interdict.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak from its distribution on Maven Central, with the coalition realm imported at start.
 *
 * <p>The distribution is built once for the options below; each server then runs from its own copy made of hard
 * links, so that a development stack and a test stack keep separate data side by side.</p>
 */
public final class KeycloakServer implements AutoCloseable {

    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true",
            "--metrics-enabled=false");

    /**
     * The master realm's administrator, created at the first start (development and tests only): the admin console,
     * and tests that need what the platform's own service account may not do, such as adding a client.
     */
    public static final Credentials BOOTSTRAP_ADMIN = new Credentials("keycloak-admin", "keycloak-admin-dev-pass");

    /** A username and its password. */
    public record Credentials(String username, String password) {
    }

    private final Path home;
    private final int port;
    private final int managementPort;
    private ChildProcess process;

    private KeycloakServer(Path home, int port, int managementPort) {
        this.home = home;
        this.port = port;
        this.managementPort = managementPort;
        this.process = spawn();
    }

    /** Starts the server without waiting for it; {@link #awaitReady()} waits. Data stays in {@code home}. */
    public static KeycloakServer launch(Layout layout, Path home, int port) {
        Path distribution = layout.keycloakDistribution();
        buildOnce(distribution, home.resolveSibling("keycloak-build.log"));
        linkCopy(distribution, home);
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(layout.realmFile(), imports.resolve("coalition-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KeycloakServer(home, port, Ports.free());
    }

    /** The server process; the realm is imported only when the data does not hold it yet, so a restart keeps users. */
    private ChildProcess spawn() {
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--hostname=http://localhost:" + port, "--hostname-strict=false",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--cache=local", "--import-realm");
        return ChildProcess.start("Keycloak", command, Map.of("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN.username(),
                "KC_BOOTSTRAP_ADMIN_PASSWORD", BOOTSTRAP_ADMIN.password()), home, home.resolve("keycloak.log"));
    }

    /** Stops the server, as an outage would; {@link #start()} brings it back with its data (realm, users, keys). */
    public synchronized void stop() {
        process.stop(30);
    }

    /** Starts a stopped server again on the same ports and data, and waits for it. */
    public synchronized void start() {
        if (!process.isAlive()) {
            process = spawn();
        }
        awaitReady();
    }

    public void awaitReady() {
        Readiness.await(process, Duration.ofSeconds(180),
                () -> Readiness.httpOk("http://127.0.0.1:" + managementPort + "/health/ready")
                        && Readiness.httpOk(realmUrl() + "/.well-known/openid-configuration"));
    }

    private static synchronized void buildOnce(Path distribution, Path log) {
        Path marker = distribution.resolve(".interdict-build");
        String wanted = String.join(" ", BUILD_OPTIONS);
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(wanted)) {
                return;
            }
            Files.createDirectories(log.getParent());
            List<String> command = new java.util.ArrayList<>(List.of(distribution.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            ChildProcess build = ChildProcess.start("Keycloak build", command, Map.of(), distribution, log);
            if (build.awaitExit(Duration.ofMinutes(5)) != 0) {
                throw new StackException("Building Keycloak failed; the end of its log (" + log + "):\n" + build.tail(30));
            }
            Files.writeString(marker, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the built distribution made of hard links: instant, no extra space, its own {@code data/}. */
    private static void linkCopy(Path distribution, Path home) {
        try (Stream<Path> files = Files.walk(distribution)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = distribution.relativize(source);
                if (relative.startsWith("data")) {
                    continue;
                }
                Path target = home.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.deleteIfExists(target);
                    try {
                        Files.createLink(target, source);
                    } catch (FileAlreadyExistsException | UnsupportedOperationException e) {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String realmUrl() {
        return url() + "/realms/coalition";
    }

    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        stop();
    }
}
