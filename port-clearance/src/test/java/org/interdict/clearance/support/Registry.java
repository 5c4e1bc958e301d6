package org.interdict.clearance.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interdict.clearance.replica.VesselStatusEvent;
import org.interdict.stack.InfrastructureTestResource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Plays the registry on the real test broker: publishes vessel statuses and heartbeats, reads what we publish. */
public final class Registry {

    public static final String STATUS_TOPIC = "registry.vessel-status.v1";
    public static final String HEARTBEAT_TOPIC = "registry.heartbeat.v1";
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static KafkaProducer<String, String> producer;

    private Registry() {
    }

    public static void publish(VesselStatusEvent status) {
        publish(STATUS_TOPIC, status.imo(), write(status));
    }

    /** Publishes to one chosen partition, so that a later record there shows the earlier ones were read. */
    public static void publish(int partition, VesselStatusEvent status) {
        send(new ProducerRecord<>(STATUS_TOPIC, partition, status.imo(), write(status)));
    }

    public static Instant heartbeat(Instant sentAt) {
        Map<String, Object> beat = new HashMap<>();
        beat.put("eventId", UUID.randomUUID());
        beat.put("eventType", "RegistryHeartbeat");
        beat.put("schemaVersion", 1);
        beat.put("occurredAt", sentAt);
        beat.put("sentAt", sentAt);
        beat.put("latestVersion", 1);
        publish(HEARTBEAT_TOPIC, "registry", write(beat));
        return sentAt;
    }

    public static void publish(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    public static synchronized void send(ProducerRecord<String, String> record) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.broker().bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Cannot publish to the test broker", e);
        }
    }

    /** The first record on the topic whose JSON value matches, read from the beginning; waits for it to come. */
    public static Found find(String topic, Predicate<JsonNode> wanted) {
        return findAll(topic, wanted, 1).get(0);
    }

    /**
     * The first {@code count} records on the topic whose JSON values match, read from the beginning, in each
     * partition's order; waits for them to come.
     */
    public static List<Found> findAll(String topic, Predicate<JsonNode> wanted, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.broker().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<Found> found = new ArrayList<>();
            long deadline = System.nanoTime() + 60_000_000_000L;
            List<TopicPartition> assigned = List.of();
            while (found.size() < count && System.nanoTime() < deadline) {
                if (assigned.isEmpty()) {
                    assigned = consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())).toList();
                    if (assigned.isEmpty()) {
                        pause(); // the relay creates the topic with its first event
                        continue;
                    }
                    consumer.assign(assigned);
                    consumer.seekToBeginning(assigned);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(java.time.Duration.ofMillis(200))) {
                    JsonNode value = read(record.value());
                    if (found.size() < count && wanted.test(value)) {
                        found.add(new Found(record.key(), value, header(record, "event-id"),
                                header(record, "event-type"), header(record, "x-request-id"),
                                header(record, "traceparent")));
                    }
                }
            }
            if (found.size() < count) {
                throw new AssertionError("Only " + found.size() + " of " + count + " matching events on " + topic);
            }
            return found;
        }
    }

    /** An event found on a topic, with its key and the headers consumers rely on. */
    public record Found(String key, JsonNode value, String eventIdHeader, String eventTypeHeader,
            String requestIdHeader, String traceparentHeader) {
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
