package org.interdict.clearance.replica;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.interdict.clearance.ClearanceConfig;
import org.interdict.commons.trace.EventSpans;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the replica current from the registry's topics, on its own thread.
 *
 * <p>At start the picture is loaded from the database, then each vessel-status partition is read from the offset
 * stored with the statuses (from the beginning when the database is empty). Statuses and offsets commit in one
 * transaction, then reach memory. Of the heartbeat topic only the latest event matters, so it is read from its last
 * one. The service is ready once it has read as far as the topics reached when it started. Each record has a span in
 * the trace it carries, from its read to its effect.</p>
 */
@ApplicationScoped
@Readiness
public class ReplicaFeed implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ReplicaFeed.class);
    private static final Duration TOPIC_REFRESH = Duration.ofSeconds(5);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ClearanceConfig config;

    @Inject
    SanctionsPicture picture;

    @Inject
    ReplicaStore store;

    @Inject
    ObjectMapper json;

    @Inject
    EventSpans spans;

    private final CatchUp catchUp = new CatchUp();
    private volatile boolean loaded;
    private volatile boolean running = true;
    private Thread thread;

    void start(@Observes StartupEvent startup) {
        thread = new Thread(this::run, "clearance-replica");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5000);
        }
    }

    private void run() {
        while (running && !loaded) {
            try {
                load();
            } catch (RuntimeException e) {
                LOG.warnf("Replica cannot load from the database yet, retrying: %s", e.getMessage());
                pause(Duration.ofSeconds(2));
            }
        }
        while (running) {
            try (KafkaConsumer<String, String> consumer = consumer()) {
                follow(consumer);
            } catch (RuntimeException e) {
                LOG.warnf("Replica lost Kafka or its database, resuming from the stored offsets: %s", e.getMessage());
                pause(Duration.ofSeconds(2));
            }
        }
    }

    private void load() {
        int count = 0;
        for (String payload : store.payloads()) {
            VesselStatusEvent status = readStatus(payload);
            if (status != null && picture.apply(status)) {
                count++;
            }
        }
        loaded = true;
        LOG.infof("Replica loaded %d vessels from the database", count);
    }

    private void follow(KafkaConsumer<String, String> consumer) {
        Set<TopicPartition> assigned = Set.of();
        long refreshAt = 0;
        while (running) {
            if (System.nanoTime() - refreshAt >= 0) {
                assigned = assign(consumer, assigned);
                refreshAt = System.nanoTime() + TOPIC_REFRESH.toNanos();
            }
            if (assigned.isEmpty()) {
                catchUp.aim(Map.of()); // no topic yet: nothing to catch up with
                catchUp.check(partition -> 0);
                pause(Duration.ofSeconds(1));
                continue;
            }
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                spans.processAll(records, () -> apply(records));
            }
            if (!catchUp.reached() && catchUp.check(consumer::position)) {
                LOG.infof("Replica caught up: %d vessels, %d designated", picture.size(), picture.designatedCount());
            }
        }
    }

    /** Follows the topics' partitions as they appear; new ones start where the stored offsets say. */
    private Set<TopicPartition> assign(KafkaConsumer<String, String> consumer, Set<TopicPartition> assigned) {
        String statusTopic = config.replica().statusTopic();
        Set<TopicPartition> partitions = new HashSet<>(partitions(consumer, statusTopic));
        partitions.addAll(partitions(consumer, config.replica().heartbeatTopic()));
        if (partitions.equals(assigned)) {
            return assigned;
        }
        consumer.assign(partitions);
        Set<TopicPartition> added = new HashSet<>(partitions);
        added.removeAll(assigned);
        Map<Integer, Long> stored = store.offsets(statusTopic);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(added);
        Map<TopicPartition, Long> ends = consumer.endOffsets(added);
        for (TopicPartition partition : added) {
            if (!partition.topic().equals(statusTopic)) {
                consumer.seek(partition, Math.max(beginnings.get(partition), ends.get(partition) - 1));
            } else if (stored.containsKey(partition.partition())) {
                consumer.seek(partition, stored.get(partition.partition()));
            } else {
                consumer.seek(partition, beginnings.get(partition));
            }
        }
        catchUp.aim(ends);
        return partitions;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of() : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private void apply(ConsumerRecords<String, String> records) {
        List<VesselStatusEvent> statuses = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        Map<Integer, Long> nextOffsets = new HashMap<>();
        RegistryHeartbeatEvent heartbeat = null;
        String statusTopic = config.replica().statusTopic();
        for (ConsumerRecord<String, String> record : records) {
            if (!record.topic().equals(statusTopic)) {
                RegistryHeartbeatEvent read = readHeartbeat(record);
                heartbeat = read != null ? read : heartbeat;
                continue;
            }
            nextOffsets.put(record.partition(), record.offset() + 1);
            VesselStatusEvent status = record.value() == null ? null : readStatus(record.value());
            if (status != null) {
                statuses.add(status);
                payloads.add(record.value());
            }
        }
        if (!nextOffsets.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> {
                store.storeAll(statuses, payloads);
                nextOffsets.forEach((partition, next) -> store.advance(statusTopic, partition, next));
            });
            statuses.forEach(picture::apply);
        }
        if (heartbeat != null) {
            picture.heartbeat(heartbeat);
        }
    }

    private VesselStatusEvent readStatus(String payload) {
        try {
            VesselStatusEvent status = json.readValue(payload, VesselStatusEvent.class);
            if (status.eventId() == null || status.imo() == null) {
                LOG.errorf("Skipping a vessel status without eventId or imo: %s", abbreviate(payload));
                return null;
            }
            return status;
        } catch (Exception e) {
            LOG.errorf("Skipping an unreadable vessel status (%s): %s", e.getMessage(), abbreviate(payload));
            return null;
        }
    }

    private RegistryHeartbeatEvent readHeartbeat(ConsumerRecord<String, String> record) {
        try {
            RegistryHeartbeatEvent heartbeat = record.value() == null ? null
                    : json.readValue(record.value(), RegistryHeartbeatEvent.class);
            return heartbeat != null && heartbeat.vouchedAt() != null ? heartbeat : null;
        } catch (Exception e) {
            LOG.errorf("Skipping an unreadable heartbeat at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "clearance-replica-" + UUID.randomUUID());
        // positions live in the database with the statuses, not in a consumer group
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("clearance-replica").status(loaded && catchUp.reached())
                .withData("vessels", picture.size()).withData("designated", picture.designatedCount()).build();
    }
}
