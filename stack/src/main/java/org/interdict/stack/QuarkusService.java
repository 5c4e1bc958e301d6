package org.interdict.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One of the platform's Quarkus applications, run from its {@code quarkus-run.jar} with the stack's settings. */
public final class QuarkusService implements AutoCloseable {

    private final String module;
    private final int port;
    private final Map<String, String> config;
    private final Path log;
    private ChildProcess process;

    private QuarkusService(String module, int port, Map<String, String> config, Path log) {
        this.module = module;
        this.port = port;
        this.config = new TreeMap<>(config);
        this.log = log;
    }

    /** Starts the application without waiting for it; {@link #awaitReady()} waits. */
    public static QuarkusService launch(Layout layout, String module, int port, Map<String, String> config, Path logDir) {
        QuarkusService service = new QuarkusService(module, port, config, logDir.resolve(module + ".log"));
        service.process = service.spawn(layout);
        return service;
    }

    private ChildProcess spawn(Layout layout) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseG1GC"));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", layout.serviceJar(module).toString()));
        return ChildProcess.start(module, command, Map.of(), layout.root(), log);
    }

    public void awaitReady() {
        Readiness.await(process, Duration.ofSeconds(300), () -> Readiness.httpOk(url() + "/q/health/ready"));
    }

    /** Stops the application and starts it again with the same settings (for fault tests). */
    public void restart(Layout layout) {
        process.stop(30);
        process = spawn(layout);
        awaitReady();
    }

    /** Kills the application as a crash would (SIGKILL), leaving it down. */
    public void kill() {
        process.kill();
    }

    /** Starts a stopped or killed application again. */
    public void start(Layout layout) {
        relaunch(layout);
        awaitReady();
    }

    /** Starts a stopped or killed application again without waiting for it, to watch it become ready. */
    public void relaunch(Layout layout) {
        if (!process.isAlive()) {
            process = spawn(layout);
        }
    }

    public void stop() {
        process.stop(30);
    }

    public String module() {
        return module;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        stop();
    }
}
