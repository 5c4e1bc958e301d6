package org.interdict.registry.incident;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interdict.stack.Await;
import org.interdict.registry.support.Imos;
import org.interdict.registry.support.Registry;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

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
        return """
                {"eventId": "%s", "eventType": "ClearanceDecided", "schemaVersion": 1,
                 "occurredAt": "2025-06-01T08:00:00Z", "clearanceId": "%s", "imo": "%s", "port": "KRPUS",
                 "decision": "DENY", "decidedAt": "2025-06-01T08:00:00Z", "nation": "KOR"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), imo);
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.broker().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
