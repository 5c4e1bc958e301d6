package org.interdict.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** For tests: reads a topic from its beginning to see what a service published. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * The values published under {@code key}, oldest first, once at least {@code count} of them are there.
     *
     * @throws AssertionError when fewer arrive within the timeout
     */
    public static List<String> valuesFor(String bootstrapServers, String topic, String key, int count, Duration timeout) {
        return recordsFor(bootstrapServers, topic, key, count, timeout).stream().map(ConsumerRecord::value).toList();
    }

    /** Like {@link #valuesFor}, the whole records: for their headers. */
    public static List<ConsumerRecord<String, String>> recordsFor(String bootstrapServers, String topic, String key,
            int count, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        records.add(record);
                    }
                }
                if (records.size() >= count) {
                    return records;
                }
            }
            throw new AssertionError("Only " + records.size() + " of " + count + " events for key " + key + " on "
                    + topic + " within " + timeout.toSeconds() + " s: "
                    + records.stream().map(ConsumerRecord::value).toList());
        }
    }

}
