package org.interdict.gateway.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.interdict.stack.Layout;
import org.interdict.stack.Postgres;
import org.interdict.stack.Stack;

/**
 * What is measured: a running stack named by its URLs, or a stack of its own started with the run command's code on
 * free ports and fresh databases (so it runs beside a development stack), stopped when the benchmark ends.
 */
final class Target implements AutoCloseable {

    final String gateway;
    final String tokenUrl;
    /** port-clearance itself, for the reference figures without the gateway */
    final String clearance;
    /** vessel-registry itself, for seeding without the gateway's per-caller limits */
    final String registry;
    private final Optional<Stack> stack;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Target(String gateway, String tokenUrl, String clearance, String registry, Optional<Stack> stack) {
        this.gateway = gateway;
        this.tokenUrl = tokenUrl;
        this.clearance = clearance;
        this.registry = registry;
        this.stack = stack;
    }

    static Target open(BenchOptions options) {
        if (options.gateway().isPresent()) {
            return new Target(options.gateway().get(),
                    options.keycloak() + "/realms/coalition/protocol/openid-connect/token", options.clearance(),
                    options.registry(), Optional.empty());
        }
        Layout checkout = Layout.locate();
        Path runDir = checkout.root().resolve("gateway/target/bench-stack");
        Map<String, String> config = new HashMap<>(unlimitedCallers(checkout));
        config.putAll(options.extraConfig());
        Layout layout = Snapshot.of(checkout, checkout.root().resolve("gateway/target/bench-apps"));
        System.out.println("Starting a stack on free ports (logs in " + runDir.resolve("logs") + ") ...");
        Stack stack = Stack.start(layout, new Stack.Options(runDir, Stack.PortPlan.free(), "interdict_bench_", true,
                config));
        Target target = new Target(stack.gatewayUrl(), stack.keycloak().tokenUrl(),
                stack.app(Stack.App.CLEARANCE).url(), stack.app(Stack.App.REGISTRY).url(), Optional.of(stack));
        Runtime.getRuntime().addShutdownHook(new Thread(target::close, "bench-stack-stop"));
        return target;
    }

    /**
     * The benchmark is one caller per role sending thousands of requests a second, far past the gateway's per-caller
     * limits, which would measure the limiter rather than the platform: every rate limit the built gateway declares
     * (globally and per route) is lifted. Only keys it declares, since its configuration refuses unknown ones.
     */
    private static Map<String, String> unlimitedCallers(Layout layout) {
        Path built = layout.root().resolve("gateway/target/classes/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(built)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built gateway's settings: " + built, e);
        }
        Map<String, String> unlimited = new HashMap<>();
        properties.stringPropertyNames().stream().filter(key -> key.startsWith("interdict.gateway.")
                && key.contains("rate-limit.")).forEach(key -> unlimited.put(key, "1000000000"));
        return unlimited;
    }

    boolean ownStack() {
        return stack.isPresent();
    }

    /**
     * Waits until the machine has settled ({@link CpuMeter#settle()}) and says how long it took, after vacuuming and
     * analysing the databases of a stack it started, as autovacuum would have by then: these machines' PostgreSQL runs
     * with autovacuum off, and without it the runs would measure what no deployment runs. The outbox tables' deleted
     * rows pile up (each relay poll walked the index entries of every event relayed since the start: 0.7 s a poll once
     * clearance had relayed 432,396), and plans made while a table was nearly empty stay cached in the services'
     * connections (the audit chain's head read the whole audit table by each append).
     */
    String settle() {
        long start = System.nanoTime();
        stack.ifPresent(running -> {
            Postgres postgres = Postgres.fromEnvironment();
            for (Stack.App app : Stack.App.values()) {
                try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(running.database(app)),
                        postgres.user(), postgres.password()); Statement statement = connection.createStatement()) {
                    statement.execute("VACUUM (ANALYZE)");
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot vacuum " + app.module() + "'s database: " + e.getMessage(),
                            e);
                }
            }
        });
        return String.format("vacuumed in %.1f s, ", (System.nanoTime() - start) / 1e9) + CpuMeter.settle();
    }

    /** Stops a stack it started, once, whether the run ends or is interrupted (Ctrl-C). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stack.ifPresent(Stack::close);
        }
    }
}
