package org.interdict.commons.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interdict.commons.trace.EventSpans;
import org.interdict.commons.trace.TraceHeaders;

import io.opentelemetry.api.trace.Span;

/**
 * Sends outbox events to Kafka and waits for every acknowledgement. An idempotent producer with {@code acks=all}
 * keeps each key's events in order; the first failure closes the producer at once, so that no later record of the
 * batch is written before the failed one, and the next attempt starts clean. Each send is a span in the trace the
 * event was recorded in, and its context goes with the record ({@code traceparent}).
 */
@ApplicationScoped
public class OutboxPublisher {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxConfig config;

    @Inject
    TopicCreator topics;

    @Inject
    EventSpans spans;

    private KafkaProducer<String, String> producer;

    /** Publishes the batch in order; returns only when Kafka has acknowledged every event. */
    public synchronized void publish(List<OutboxEvent> batch) throws Exception {
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Span> sends = new ArrayList<>(batch.size());
        try {
            for (String topic : batch.stream().map(event -> event.topic).distinct().toList()) {
                topics.ensure(topic);
            }
            for (OutboxEvent event : batch) {
                ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.key, event.payload);
                record.headers().add("event-id", event.eventId.toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("event-type", event.type.getBytes(StandardCharsets.UTF_8));
                if (event.requestId != null) {
                    record.headers().add("x-request-id", event.requestId.getBytes(StandardCharsets.UTF_8));
                }
                sends.add(spans.send(record, event.eventId, new TraceHeaders(event.traceparent, event.tracestate)));
                acks.add(kafka.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        // Closed from the producer's own thread, before it sends anything after this failed record:
                        // the records behind it fail too instead of reaching the topic ahead of its resend.
                        kafka.close(Duration.ZERO);
                    }
                }));
            }
            kafka.flush();
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (Exception e) {
            sends.forEach(span -> EventSpans.failed(span, e));
            reset();
            throw e;
        } finally {
            sends.forEach(Span::end);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            // One request at a time: idempotence keeps retried batches in order, but a batch that expires would let
            // the next one through, and the relay's resend of both would then put a vessel's older status after a
            // newer; so the first failure also closes the producer (see publish).
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            int timeout = (int) config.sendTimeout().toMillis();
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 2));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void reset() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
