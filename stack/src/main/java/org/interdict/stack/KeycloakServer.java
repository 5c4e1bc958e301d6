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

    private final ChildProcess process;
    private final int port;
    private final int managementPort;

    private KeycloakServer(ChildProcess process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
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
        int managementPort = Ports.free();
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--hostname=http://localhost:" + port, "--hostname-strict=false",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--cache=local", "--import-realm");
        ChildProcess process = ChildProcess.start("Keycloak", command,
                Map.of("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"), home, home.resolve("keycloak.log"));
        return new KeycloakServer(process, port, managementPort);
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
        process.stop(30);
    }
}
