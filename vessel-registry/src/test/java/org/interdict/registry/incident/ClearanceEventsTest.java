package org.interdict.registry.incident;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interdict.stack.Await;
import org.interdict.registry.support.Imos;
import org.interdict.registry.support.Registry;
import org.interdict.registry.support.TopicReader;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
@TestSecurity(user = "admin", roles = "admin")
@OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
class ClearanceEventsTest {

    private static final String INSPECTIONS = "clearance.inspections.v1";
    private static final String DECISIONS = "clearance.decisions.v1";
    private static final String DEAD_LETTERS = "vessel-registry.dead-letter.v1";

    @Inject
    MeterRegistry metrics;

    @Test
    void aSeizureBecomesOneIncidentPerEventAndUnknownVesselsAreSkipped() {
        String imo = Registry.vessel("SEIZED AT BUSAN", "PAN");
        String first = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> kafka = producer()) {
            // all on the vessel's key, so they arrive in this order
            kafka.send(new ProducerRecord<>(INSPECTIONS, imo, inspection(UUID.randomUUID().toString(), Imos.next(),
                    "SEIZED")));
            kafka.send(new ProducerRecord<>(INSPECTIONS, imo, inspection(UUID.randomUUID().toString(), "not an imo",
                    "SEIZED")));
            kafka.send(new ProducerRecord<>(INSPECTIONS, imo, "{ this is not json"));
            kafka.send(new ProducerRecord<>(INSPECTIONS, imo, inspection(first, imo, "SEIZED")));
            kafka.send(new ProducerRecord<>(INSPECTIONS, imo, inspection(first, imo, "SEIZED")));
            kafka.send(new ProducerRecord<>(INSPECTIONS, imo, inspection(UUID.randomUUID().toString(), imo, "PASSED")));
            kafka.send(new ProducerRecord<>(INSPECTIONS, imo, inspection(UUID.randomUUID().toString(), imo, "SEIZED")));
            kafka.send(new ProducerRecord<>(DECISIONS, imo, decision(imo)));
            kafka.send(new ProducerRecord<>(DECISIONS, imo, decision(Imos.next())));
        }

        Await.until("two seizures and a port call", () -> {
            JsonPath vessel = vessel(imo);
            return vessel.getList("incidents").size() == 2 && vessel.getList("portCalls").size() == 1;
        });
        JsonPath vessel = vessel(imo);
        List<Map<String, Object>> incidents = vessel.getList("incidents");
        assertEquals(2, incidents.size(), "the redelivered event took effect once");
        assertEquals("SEIZURE", incidents.get(0).get("type"));
        assertEquals("KRPUS", incidents.get(0).get("location"));
        assertEquals("KOR", incidents.get(0).get("reportingNation"));
        assertEquals("DENY", vessel.getString("portCalls[0].decision"));
        assertEquals("KRPUS", vessel.getString("portCalls[0].port"));
    }

    @Test
    void aPollOfDecisionsIsAppliedInOneTransactionAndEachEventOnce() {
        String imo = Registry.vessel("CALLING AT NAMPO", "PAN");
        double transactionsBefore = decisionTransactions();
        List<String> firstRound = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            firstRound.add(decision(UUID.randomUUID().toString(), imo, "KRPUS"));
        }
        int sent = 0;
        try (KafkaProducer<String, String> kafka = producer()) {
            // all on one key, hence one partition: applied in this order
            for (String decision : firstRound) {
                kafka.send(new ProducerRecord<>(DECISIONS, imo, decision));
                kafka.send(new ProducerRecord<>(DECISIONS, imo, decision));
                kafka.send(new ProducerRecord<>(DECISIONS, imo, decision(Imos.next())));
                sent += 3;
            }
        }
        Await.until("the first round's port calls", () -> vessel(imo).getList("portCalls").size() == 20);
        try (KafkaProducer<String, String> kafka = producer()) {
            for (String decision : firstRound) {
                kafka.send(new ProducerRecord<>(DECISIONS, imo, decision));
                sent++;
            }
            kafka.send(new ProducerRecord<>(DECISIONS, imo, decision(UUID.randomUUID().toString(), imo, "KPNAM")));
            sent++;
        }
        Await.until("the last decision's port call", () -> vessel(imo).getList("portCalls").size() > 20);

        List<Map<String, Object>> portCalls = vessel(imo).getList("portCalls");
        assertEquals(21, portCalls.size(), "duplicates and redeliveries took effect once, unknown vessels none");
        assertEquals(1, portCalls.stream().filter(call -> "KPNAM".equals(call.get("port"))).count());
        double transactions = decisionTransactions() - transactionsBefore;
        assertTrue(transactions >= 2 && transactions <= sent / 6.0,
                sent + " decisions took " + transactions + " transactions");
    }

    @Test
    void aPoisonedDecisionGoesToTheDeadLetterTopicAndTheRestOfItsPollIsApplied() {
        String imo = Registry.vessel("POISONED POLL", "PAN");
        String poisoned = UUID.randomUUID().toString();
        String unreadable = "{ no json about " + imo;
        try (KafkaProducer<String, String> kafka = producer()) {
            kafka.send(new ProducerRecord<>(DECISIONS, imo, decision(imo)));
            kafka.send(new ProducerRecord<>(DECISIONS, imo, unreadable));
            // longer than a port code may be: the database refuses it, every time
            kafka.send(new ProducerRecord<>(DECISIONS, imo, decision(poisoned, imo, "NOT A PORT")));
            kafka.send(new ProducerRecord<>(DECISIONS, imo, decision(imo)));
            kafka.send(new ProducerRecord<>(DECISIONS, imo, decision(imo)));
        }

        List<ConsumerRecord<String, String>> dead = TopicReader.await(DEAD_LETTERS,
                record -> record.value().equals(unreadable) || record.value().contains(poisoned),
                seen -> seen.size() == 2);
        assertEquals(2, dead.size());
        Await.until("the three good decisions' port calls", () -> vessel(imo).getList("portCalls").size() == 3);
        assertTrue(vessel(imo).getList("portCalls.port").stream().allMatch("KRPUS"::equals));
    }

    private double decisionTransactions() {
        return metrics.counter("registry.clearance.decision.transactions").count();
    }

    private static JsonPath vessel(String imo) {
        return given().when().get("/api/registry/vessels/" + imo).then().statusCode(200).extract().jsonPath();
    }

    private static String inspection(String eventId, String imo, String outcome) {
        return """
                {"eventId": "%s", "eventType": "InspectionRecorded", "schemaVersion": 1,
                 "occurredAt": "2025-06-01T10:00:00Z", "clearanceId": "%s", "imo": "%s", "port": "KRPUS",
                 "outcome": "%s", "notes": "Cargo of refined oil undeclared", "inspectedAt": "2025-06-01T09:30:00Z",
                 "nation": "KOR", "somethingNew": true}
                """.formatted(eventId, UUID.randomUUID(), imo, outcome);
    }

    private static String decision(String imo) {
        return decision(UUID.randomUUID().toString(), imo, "KRPUS");
    }

    private static String decision(String eventId, String imo, String port) {
        return """
                {"eventId": "%s", "eventType": "ClearanceDecided", "schemaVersion": 1,
                 "occurredAt": "2025-06-01T08:00:00Z", "clearanceId": "%s", "imo": "%s", "port": "%s",
                 "decision": "DENY", "decidedAt": "2025-06-01T08:00:00Z", "nation": "KOR"}
                """.formatted(eventId, UUID.randomUUID(), imo, port);
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.broker().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // a test's records reach the broker together, as under load, rather than one request each
        props.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
