package org.interdict.readouts.readout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.interdict.commons.membership.Membership;
import org.interdict.stack.Await;
import org.interdict.readouts.support.Nations;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Publishing leaves through the outbox as {@code ReadoutPublished}, keyed by readout id, without the text. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_readouts"))
class ReadoutPublishedEventTest {

    @Inject
    Membership membership;

    @Inject
    ReadoutService service;

    @Inject
    ObjectMapper json;

    @Test
    void publishingEmitsTheEventWithoutTheReadoutsText() throws Exception {
        Nations.seed(membership);
        Readout readout = service.publish(new Author("GBR", "gbr-ministry", false), new PublishReadout("Secret title",
                LocalDate.of(2026, 11, 2), "Secret body", Tlp.RED, List.of("USA", "FRA"), null));
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.broker().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(ReadoutPublished.TOPIC));
            Await.until("the event is on Kafka", () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (readout.id.toString().equals(record.key())) {
                        found.set(record);
                    }
                });
                return found.get() != null;
            });
        }
        JsonNode event = json.readTree(found.get().value());
        assertEquals("ReadoutPublished", event.get("eventType").asText());
        assertEquals(1, event.get("schemaVersion").asInt());
        assertEquals(readout.id.toString(), event.get("readoutId").asText());
        assertEquals("RED", event.get("tlp").asText());
        assertEquals("GBR", event.get("authorNation").asText());
        assertEquals("[\"FRA\",\"USA\"]", event.get("releasableTo").toString());
        assertEquals(event.get("eventId").asText(), new String(found.get().headers().lastHeader("event-id").value(),
                StandardCharsets.UTF_8));
        assertFalse(found.get().value().contains("Secret"), "the event carries neither title nor body");
    }
}
