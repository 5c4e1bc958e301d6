package org.interdict.gateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * JFR recordings of the stack's own applications while a load runs ({@code -Dbench.profile=true}), to see what
 * limits a figure. The applications are found among this JVM's child processes, so only a stack the benchmark
 * started can be profiled.
 */
final class Profiler {

    private final boolean enabled;
    private final Path dir;

    Profiler(boolean enabled, Path dir) {
        this.enabled = enabled;
        this.dir = dir;
    }

    /** Starts a recording of each module's process for the duration; they end and write themselves. */
    void record(String label, Duration duration, List<String> modules) {
        if (!enabled) {
            return;
        }
        try {
            // JFR does not create the directory, and says so only in jcmd's discarded output
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String module : modules) {
            pid(module).ifPresentOrElse(pid -> jcmd(pid, "JFR.start", "name=bench", "settings=profile",
                    "duration=" + duration.toSeconds() + "s",
                    "filename=" + dir.resolve(label + "-" + module + ".jfr").toAbsolutePath()),
                    () -> System.out.println("    (no process of " + module + " to profile)"));
        }
    }

    private static Optional<Long> pid(String module) {
        String jar = module + "/target/quarkus-app/quarkus-run.jar";
        // the JVM itself, not the shell that watches it (whose command line names the jar too)
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().command().orElse("").endsWith("/java"))
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).stream()
                        .anyMatch(argument -> argument.endsWith(jar)))
                .map(ProcessHandle::pid).findFirst();
    }

    private static void jcmd(long pid, String... command) {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.waitFor();
        } catch (IOException e) {
            System.out.println("    (jcmd failed: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
