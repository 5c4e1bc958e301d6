package org.interdict.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A part of the stack running in its own process, tied to this JVM's life.
 *
 * <p>The command runs under a small shell guard that reads our pipe to its stdin: when this JVM ends, however it
 * ends (even SIGKILL), the pipe closes and the guard stops the child with SIGTERM, so no broker, identity server or
 * service outlives the run that started it. Stopping on purpose closes the same pipe.</p>
 */
public final class ChildProcess implements AutoCloseable {

    private static final String GUARD = """
            exec 3<&0
            "$@" 3<&- & child=$!
            ( while read -r _ <&3; do :; done; kill -TERM "$child" 2>/dev/null ) & watcher=$!
            trap 'kill -TERM "$child" 2>/dev/null' TERM INT
            status=0
            while kill -0 "$child" 2>/dev/null; do wait "$child"; status=$?; done
            kill "$watcher" 2>/dev/null
            exit $status
            """;

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path log) {
        List<String> guarded = new ArrayList<>(List.of("sh", "-c", GUARD, name));
        guarded.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(guarded)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new StackException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Fails with the end of the child's log when it has already died. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new StackException(name + " exited with status " + process.exitValue() + "; the end of its log ("
                    + log + "):\n" + tail(40));
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Asks the child to stop (SIGTERM through the guard), then kills it if it does not within the grace period. */
    public void stop(long graceSeconds) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.flush();
        } catch (IOException ignored) {
            // already closed: the guard has seen end of input
        }
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Waits for a short-lived child to finish; its exit status, or -1 when it had to be killed. */
    public int awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        return -1;
    }

    /** Kills the child at once, as a crash would: for fault tests. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(20);
    }
}
