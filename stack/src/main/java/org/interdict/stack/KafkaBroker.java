package org.interdict.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** One Kafka node in KRaft mode (broker and controller together) from Apache Kafka's own jars, in its own JVM. */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLUSTER_ID = "aW50ZXJkaWN0LWRldi0x";

    private final Layout layout;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private ChildProcess process;

    private KafkaBroker(Layout layout, Path dataDir, int port, int controllerPort) {
        this.layout = layout;
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.process = launch(layout, dataDir, port, controllerPort);
    }

    /** Starts the broker and waits for it; data stays in {@code dataDir}, so a restart there keeps every topic. */
    public static KafkaBroker start(Layout layout, Path dataDir, int port) {
        KafkaBroker broker = launch(layout, dataDir, port);
        broker.awaitReady();
        return broker;
    }

    /** Starts the broker process without waiting for it; {@link #awaitReady()} waits. */
    public static KafkaBroker launch(Layout layout, Path dataDir, int port) {
        return new KafkaBroker(layout, dataDir, port, Ports.free());
    }

    /** Stops the broker, as an outage would; {@link #start()} brings it back with its data. */
    public synchronized void stop() {
        process.stop(30);
    }

    /** Starts a stopped broker again on the same ports and data, and waits for it. */
    public synchronized void start() {
        if (!process.isAlive()) {
            process = launch(layout, dataDir, port, controllerPort);
        }
        awaitReady();
    }

    private static ChildProcess launch(Layout layout, Path dataDir, int port, int controllerPort) {
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + dataDir.resolve("logs"),
                    "num.partitions=3",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=10",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    // small segments so that compaction of the vessel-status topic is visible in development
                    "log.cleaner.backoff.ms=5000",
                    ""));
            Path log4j = dataDir.resolve("log4j2.properties");
            Files.writeString(log4j, String.join("\n",
                    "rootLogger.level=WARN",
                    "rootLogger.appenderRef.out.ref=out",
                    "appender.out.type=Console",
                    "appender.out.name=out",
                    "appender.out.layout.type=PatternLayout",
                    "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                    "logger.kafka.name=kafka.server.KafkaRaftServer",
                    "logger.kafka.level=INFO",
                    ""));
            String classpath = layout.kafkaLibs() + "/*";
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> common = List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                    "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath);
            Path logFile = dataDir.resolve("kafka.log");
            formatStorage(common, config, dataDir, logFile);
            List<String> command = new ArrayList<>(common);
            command.addAll(List.of("kafka.Kafka", config.toString()));
            return ChildProcess.start("Kafka broker", command, Map.of(), dataDir, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void formatStorage(List<String> common, Path config, Path dataDir, Path logFile) {
        List<String> command = new ArrayList<>(common);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", CLUSTER_ID, "-c", config.toString(),
                "--ignore-formatted"));
        ChildProcess format = ChildProcess.start("Kafka storage format", command, Map.of(), dataDir, logFile);
        int status = format.awaitExit(Duration.ofSeconds(60));
        if (status != 0) {
            throw new StackException("Formatting Kafka's storage failed (status " + status + "):\n" + format.tail(20));
        }
    }

    public void awaitReady() {
        Readiness.await(process, Duration.ofSeconds(90), this::answers);
    }

    private boolean answers() {
        if (!Ports.inUse(port)) {
            return false; // not listening yet: spare the log an admin client's connection warnings
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        stop();
    }
}
