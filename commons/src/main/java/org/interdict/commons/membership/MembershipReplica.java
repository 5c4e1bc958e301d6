package org.interdict.commons.membership;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.interdict.commons.trace.EventSpans;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Feeds {@link Membership} from the compacted nations topic. Every instance reads the whole topic from the beginning
 * on its own (no consumer group), so each replica of a service holds every nation; the service is not ready until it
 * has read up to the end the topic had when it started.
 */
@ApplicationScoped
@Readiness
public class MembershipReplica implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(MembershipReplica.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "interdict.membership.topic", defaultValue = "coalition.nations.v1")
    String topic;

    @Inject
    Membership membership;

    @Inject
    ObjectMapper json;

    @Inject
    EventSpans spans;

    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private Thread thread;

    void start(@Observes StartupEvent startup) {
        thread = new Thread(this::run, "membership-replica");
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
        while (running) {
            try (KafkaConsumer<String, String> consumer = consumer()) {
                follow(consumer);
            } catch (RuntimeException e) {
                LOG.warnf("Membership replica lost Kafka, retrying: %s", e.getMessage());
                pause(Duration.ofSeconds(2));
            }
        }
    }

    private void follow(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = partitions(consumer);
        while (partitions.isEmpty() && running) {
            caughtUp = true; // no topic yet: nothing to catch up with; wait for its first event
            pause(Duration.ofSeconds(1));
            partitions = partitions(consumer);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                spans.process(record, () -> apply(record));
            }
            if (!caughtUp && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                caughtUp = true;
                LOG.infof("Membership replica caught up: %d nations", membership.activeMembers().size());
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return List.of();
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            membership.apply(json.readValue(record.value(), NationMembershipEvent.class));
        } catch (Exception e) {
            LOG.errorf("Skipping an unreadable membership event at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "membership-replica-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
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
        return HealthCheckResponse.named("membership-replica").status(caughtUp).build();
    }
}
