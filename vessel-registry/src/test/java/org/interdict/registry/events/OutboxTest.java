package org.interdict.registry.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interdict.commons.outbox.OutboxEvent;
import org.interdict.commons.outbox.OutboxRelay;
import org.interdict.registry.access.Actor;
import org.interdict.registry.support.Imos;
import org.interdict.registry.support.TopicReader;
import org.interdict.registry.vessel.ChangeVessel;
import org.interdict.registry.vessel.RegisterVessel;
import org.interdict.registry.vessel.Vessel;
import org.interdict.registry.vessel.Vessels;
import org.interdict.stack.InfrastructureTestResource;
import org.interdict.stack.KafkaBroker;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
class OutboxTest {

    private static final Actor JAPAN = new Actor("jpn-ministry", "JPN");

    @Inject
    Vessels vessels;

    @Test
    @SuppressWarnings("unchecked")
    void theRelayWorksOutItsBatchOnceWhateverTheTablesStatistics() {
        // statistics from a nearly empty table, as PostgreSQL keeps them until an ANALYZE (autovacuum late or off)
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> {
            Vessel.getEntityManager().createNativeQuery("ANALYZE outbox_event").executeUpdate();
            return Vessel.getEntityManager().createNativeQuery("EXPLAIN " + OutboxRelay.TAKE_OLDEST.replace("?", "500"))
                    .getResultList();
        });
        String text = String.join("\n", plan);
        // the batch's ids worked out once, not a join that reruns them for every row of the table
        assertTrue(text.contains("InitPlan"), text);
        assertFalse(text.contains("Join"), text);
    }

    @Test
    void aRolledBackChangeEmitsNothing() {
        String rolledBack = Imos.next();
        QuarkusTransaction.begin();
        try {
            vessels.register(vessel(rolledBack, "NEVER WAS"), JAPAN);
            assertEquals(1, OutboxEvent.count("key", rolledBack), "the event waits in the same transaction");
        } finally {
            QuarkusTransaction.rollback();
        }
        String committed = Imos.next();
        vessels.register(vessel(committed, "REALLY IS"), JAPAN);

        List<ConsumerRecord<String, String>> events = TopicReader.await(RegistryEvents.VESSEL_STATUS_TOPIC,
                record -> record.key().equals(rolledBack) || record.key().equals(committed),
                seen -> seen.stream().anyMatch(record -> record.key().equals(committed)));
        assertTrue(events.stream().noneMatch(record -> record.key().equals(rolledBack)));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("key", rolledBack)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Vessel.find(rolledBack).isPresent()));
    }

    @Test
    void changesMadeWhileKafkaIsDownArePublishedInOrderOnceItIsBack() {
        KafkaBroker broker = InfrastructureTestResource.broker();
        String imo = Imos.next();
        broker.stop();
        try {
            vessels.register(vessel(imo, "BEFORE"), JAPAN);
            vessels.change(imo, rename("DURING"), JAPAN);
            vessels.change(imo, rename("AFTER"), JAPAN);
            assertEquals(3, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("key", imo)),
                    "the events wait in the outbox");
        } finally {
            broker.start();
        }

        List<ConsumerRecord<String, String>> events = TopicReader.awaitKey(RegistryEvents.VESSEL_STATUS_TOPIC, imo,
                seen -> seen.size() >= 3);
        List<JsonNode> statuses = events.stream().map(TopicReader::json).toList();
        assertEquals(List.of("BEFORE", "DURING", "AFTER"), statuses.stream().map(s -> s.get("name").asText()).toList());
        for (int i = 1; i < statuses.size(); i++) {
            assertTrue(statuses.get(i).get("version").asLong() > statuses.get(i - 1).get("version").asLong(),
                    "versions grow: " + statuses);
        }
        assertEquals(2, statuses.get(2).get("pastNames").size());
        assertEquals("JPN", statuses.get(2).get("pastNames").get(0).get("reportedBy").asText());
        assertEquals(statuses.get(2).get("eventId").asText(), TopicReader.header(events.get(2), "event-id"));
    }

    @Test
    void heartbeatsGoOutThroughTheOutboxWithTheLatestVersion() {
        String imo = Imos.next();
        long version = vessels.register(vessel(imo, "HEARTBEAT REFERENCE"), JAPAN).version();
        List<ConsumerRecord<String, String>> beats = TopicReader.await(RegistryEvents.HEARTBEAT_TOPIC,
                record -> "registry".equals(record.key()),
                seen -> seen.stream().anyMatch(r -> TopicReader.json(r).get("latestVersion").asLong() >= version));
        JsonNode beat = TopicReader.json(beats.get(beats.size() - 1));
        assertEquals("RegistryHeartbeat", beat.get("eventType").asText());
        assertTrue(beat.hasNonNull("sentAt"));
    }

    @Test
    void eventsCarryEveryFieldTheirSchemaRequires() throws Exception {
        String imo = Imos.next();
        vessels.register(vessel(imo, "SCHEMA CHECK"), JAPAN);
        JsonNode status = TopicReader.json(TopicReader.awaitKey(RegistryEvents.VESSEL_STATUS_TOPIC, imo,
                seen -> !seen.isEmpty()).get(0));
        assertRequired("registry.vessel-status.v1", status);
        assertEquals("VesselStatus", status.get("eventType").asText());
        assertEquals(1, status.get("schemaVersion").asInt());

        JsonNode beat = TopicReader.json(TopicReader.await(RegistryEvents.HEARTBEAT_TOPIC, r -> true,
                seen -> !seen.isEmpty()).get(0));
        assertRequired("registry.heartbeat.v1", beat);
    }

    private static void assertRequired(String topic, JsonNode event) throws Exception {
        JsonNode schema;
        try (InputStream in = OutboxTest.class.getResourceAsStream("/schemas/" + topic + ".schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        for (JsonNode field : schema.get("required")) {
            assertTrue(event.has(field.asText()), topic + " event lacks " + field.asText() + ": " + event);
        }
        event.fieldNames().forEachRemaining(field -> assertTrue(schema.get("properties").has(field),
                topic + " schema does not describe " + field));
    }

    private static RegisterVessel vessel(String imo, String name) {
        return new RegisterVessel(imo, name, "PAN", null, null, null, null, null, null, null);
    }

    private static ChangeVessel rename(String name) {
        return new ChangeVessel(name, null, null, null, null, null, null, null, null);
    }
}
