package org.interdict.stack;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For a service's {@code @QuarkusTest}s: a real Kafka broker (one per test JVM, on a free port) and a fresh database
 * on the real PostgreSQL, named by the {@code database} argument and this checkout.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "interdict_test") + "_" + Layout.locate().checkoutId();
    }

    @Override
    public Map<String, String> start() {
        Postgres postgres = Postgres.fromEnvironment();
        postgres.recreate(database);
        return Map.of(
                "kafka.bootstrap.servers", broker().bootstrapServers(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password());
    }

    /** The test JVM's broker, started on first use; it dies with the JVM. */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            Layout layout = Layout.locate();
            // a @TestProfile restarts Quarkus in a new class loader, which sees this class (and its broker) anew
            Path dir = Path.of("target", "test-kafka-" + ProcessHandle.current().pid() + "-"
                    + Integer.toHexString(System.identityHashCode(InfrastructureTestResource.class))).toAbsolutePath();
            broker = KafkaBroker.start(layout, dir, Ports.free());
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-stop"));
        }
        return broker;
    }

    @Override
    public void stop() {
        // the broker outlives one application start: later test classes and profiles reuse it
    }
}
