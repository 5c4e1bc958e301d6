package org.interdict.registry.trace;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interdict.registry.support.Imos;
import org.interdict.registry.support.TopicReader;
import org.interdict.stack.Await;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/** W3C trace context from a request through the outbox onto Kafka, and from a Kafka record into its processing. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
class TraceContextTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void theEventOfAChangeCarriesTheTraceOfTheRequestThatMadeIt() {
        String traceId = randomHex(16);
        String imo = Imos.next();
        given().header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .header("tracestate", "ministry=jpn")
                .contentType(ContentType.JSON).body(Map.of("imo", imo, "name", "TRACED", "flag", "PAN"))
                .when().post("/api/registry/vessels")
                .then().statusCode(201);

        ConsumerRecord<String, String> event = TopicReader.awaitKey("registry.vessel-status.v1", imo,
                seen -> !seen.isEmpty()).get(0);
        String[] traceparent = TopicReader.header(event, "traceparent").split("-");
        assertEquals(traceId, traceparent[1]);
        assertEquals("ministry=jpn", TopicReader.header(event, "tracestate"));
        SpanData send = awaitSpan(traceId, SpanKind.PRODUCER);
        assertEquals("send registry.vessel-status.v1", send.getName());
        assertEquals(send.getSpanId(), traceparent[2], "the record's parent is the relay's send span");
    }

    @Test
    void aConsumerProcessesARecordInTheTraceItCarries() {
        String traceId = randomHex(16);
        String parentId = randomHex(8);
        ProducerRecord<String, String> record = new ProducerRecord<>("clearance.decisions.v1", Imos.next(), """
                {"eventId": "%s", "eventType": "ClearanceDecided", "schemaVersion": 1, "clearanceId": "%s",
                 "imo": "9999999", "port": "KRPUS", "decision": "CLEAR", "nation": "KOR"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID()));
        record.headers().add("traceparent", ("00-" + traceId + "-" + parentId + "-01").getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> kafka = producer()) {
            kafka.send(record);
        }

        SpanData process = awaitSpan(traceId, SpanKind.CONSUMER);
        assertEquals("process clearance.decisions.v1", process.getName());
        assertEquals(parentId, process.getParentSpanId());
    }

    private SpanData awaitSpan(String traceId, SpanKind kind) {
        Await.until("a " + kind + " span in trace " + traceId, () -> find(traceId, kind).isPresent());
        return find(traceId, kind).orElseThrow();
    }

    private Optional<SpanData> find(String traceId, SpanKind kind) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream().filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind).findFirst();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.broker().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
