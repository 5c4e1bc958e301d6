package org.interdict.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine: Kafka, Keycloak, a database per service on PostgreSQL, the three services and
 * the gateway. The run command and the end-to-end suite both start it through here.
 */
public final class Stack implements AutoCloseable {

    /** The platform's applications, by Maven module, with the short name their database and settings use. */
    public enum App {
        REGISTRY("vessel-registry", "registry"),
        CLEARANCE("port-clearance", "clearance"),
        READOUTS("diplomatic-readouts", "readouts"),
        GATEWAY("gateway", "gateway");

        private final String module;
        private final String shortName;

        App(String module, String shortName) {
            this.module = module;
            this.shortName = shortName;
        }

        public String module() {
            return module;
        }

        public String shortName() {
            return shortName;
        }
    }

    /** The ports the stack listens on. */
    public record PortPlan(int gateway, int keycloak, int kafka, int registry, int clearance, int readouts) {

        /** The development stack's fixed ports, as the contract names them. */
        public static PortPlan development() {
            return new PortPlan(8080, 8180, 9092, 8081, 8082, 8083);
        }

        /** Free ports, so that a test stack runs beside a development stack. */
        public static PortPlan free() {
            return new PortPlan(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
        }

        int of(App app) {
            return switch (app) {
                case REGISTRY -> registry;
                case CLEARANCE -> clearance;
                case READOUTS -> readouts;
                case GATEWAY -> gateway;
            };
        }

        void requireFree() {
            Ports.requireFree(keycloak, "Keycloak");
            Ports.requireFree(kafka, "Kafka");
            for (App app : App.values()) {
                Ports.requireFree(of(app), app.module());
            }
        }
    }

    /**
     * How to start a stack.
     *
     * @param databasePrefix each application's database is this prefix and its short name
     * @param fresh          start from nothing (tests): drop and create the databases and forget the broker's and the
     *                       identity server's data, rather than keep them (development)
     * @param extraConfig    settings for every application, such as shorter intervals in tests
     * @param databaseFaults put a {@link FaultProxy} between the applications and PostgreSQL, so that fault tests can
     *                       play a database outage without stopping the shared server
     */
    public record Options(Path runDir, PortPlan ports, String databasePrefix, boolean fresh,
            Map<String, String> extraConfig, boolean databaseFaults) {

        /** Applications connect to PostgreSQL directly. */
        public Options(Path runDir, PortPlan ports, String databasePrefix, boolean fresh,
                Map<String, String> extraConfig) {
            this(runDir, ports, databasePrefix, fresh, extraConfig, false);
        }
    }

    private final Layout layout;
    private final Options options;
    private final Postgres postgres;
    private FaultProxy databaseProxy;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;
    private final Map<App, QuarkusService> apps = new EnumMap<>(App.class);

    private Stack(Layout layout, Options options) {
        this.layout = layout;
        this.options = options;
        this.postgres = Postgres.fromEnvironment();
    }

    public static Stack start(Layout layout, Options options) {
        options.ports().requireFree();
        Stack stack = new Stack(layout, options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        try {
            if (options.fresh()) {
                deleteTree(options.runDir());
            }
            Files.createDirectories(options.runDir().resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (App app : App.values()) {
            String database = database(app);
            if (options.fresh()) {
                postgres.recreate(database);
            } else {
                postgres.ensure(database);
            }
        }
        if (options.databaseFaults()) {
            databaseProxy = FaultProxy.start(postgres.host(), postgres.port());
        }
        kafka = KafkaBroker.launch(layout, options.runDir().resolve("kafka"), options.ports().kafka());
        keycloak = KeycloakServer.launch(layout, options.runDir().resolve("keycloak"), options.ports().keycloak());
        kafka.awaitReady();
        keycloak.awaitReady();
        List<App> services = List.of(App.REGISTRY, App.CLEARANCE, App.READOUTS);
        for (App app : services) {
            apps.put(app, QuarkusService.launch(layout, app.module(), options.ports().of(app), config(app), logDir()));
        }
        for (App app : services) {
            apps.get(app).awaitReady();
        }
        QuarkusService gateway = QuarkusService.launch(layout, App.GATEWAY.module(), options.ports().gateway(),
                config(App.GATEWAY), logDir());
        apps.put(App.GATEWAY, gateway);
        gateway.awaitReady();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    /** The application's database. */
    public String database(App app) {
        return options.databasePrefix() + app.shortName();
    }

    private Path logDir() {
        return options.runDir().resolve("logs");
    }

    private Map<String, String> config(App app) {
        Map<String, String> config = new HashMap<>();
        Postgres server = databaseProxy == null ? postgres : postgres.via("127.0.0.1", databaseProxy.port());
        config.put("quarkus.datasource.jdbc.url", server.jdbcUrl(database(app)));
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        if (app == App.GATEWAY) {
            for (App service : List.of(App.REGISTRY, App.CLEARANCE, App.READOUTS)) {
                config.put("interdict.gateway.services." + service.shortName(),
                        "http://127.0.0.1:" + options.ports().of(service));
            }
            config.put("quarkus.keycloak.admin-client.server-url", keycloak.url());
        }
        config.putAll(options.extraConfig());
        return config;
    }

    public Layout layout() {
        return layout;
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.ports().gateway();
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public QuarkusService app(App app) {
        return apps.get(app);
    }

    public Postgres postgres() {
        return postgres;
    }

    /** The application's database, reached directly (past the fault proxy, if any). */
    public String jdbcUrl(App app) {
        return postgres.jdbcUrl(database(app));
    }

    /** The proxy between the applications and PostgreSQL, for a stack started with {@code databaseFaults}. */
    public FaultProxy databaseProxy() {
        if (databaseProxy == null) {
            throw new IllegalStateException("This stack was started without databaseFaults");
        }
        return databaseProxy;
    }

    @Override
    public void close() {
        List<AutoCloseable> parts = new ArrayList<>();
        QuarkusService gateway = apps.get(App.GATEWAY);
        if (gateway != null) {
            parts.add(gateway);
        }
        apps.forEach((app, service) -> {
            if (app != App.GATEWAY) {
                parts.add(service);
            }
        });
        if (keycloak != null) {
            parts.add(keycloak);
        }
        if (kafka != null) {
            parts.add(kafka);
        }
        parts.parallelStream().forEach(part -> {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("Could not stop a part of the stack: " + e.getMessage());
            }
        });
        if (databaseProxy != null) {
            databaseProxy.close();
        }
    }
}
