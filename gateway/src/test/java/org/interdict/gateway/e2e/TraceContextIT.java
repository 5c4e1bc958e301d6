package org.interdict.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interdict.stack.Stack;
import org.interdict.stack.TopicReader;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/** W3C trace context end to end: a client's {@code traceparent} through the gateway, a service, Kafka and a consumer. */
class TraceContextIT {

    @Test
    void aWriteThroughTheGatewayYieldsAnEventInTheCallersTrace() {
        String traceId = randomHex(16);
        String imo = "9300025";
        Platform.as("jpn-ministry").header("traceparent", traceparent(traceId)).contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "name", "TRACED THROUGH", "flag", "PAN"))
                .post("/api/registry/vessels").then().statusCode(201);

        ConsumerRecord<String, String> event = TopicReader.recordsFor(Platform.stack().kafka().bootstrapServers(),
                "registry.vessel-status.v1", imo, 1, Duration.ofSeconds(60)).get(0);
        assertEquals(traceId, traceIdOf(event));
    }

    @Test
    void theServiceConsumingTheEventWorksInTheSameTrace() {
        String traceId = randomHex(16);
        String unknownToTheRegistry = "9300037";
        Platform.as("busan-officer").header("traceparent", traceparent(traceId)).contentType(ContentType.JSON)
                .body(Map.of("imo", unknownToTheRegistry, "name", "NEVER REGISTERED", "flag", "PAN", "port", "KRPUS",
                        "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "lastPortsOfCall", List.of()))
                .post("/api/clearance/requests").then().statusCode(201);

        ConsumerRecord<String, String> decided = TopicReader.recordsFor(Platform.stack().kafka().bootstrapServers(),
                "clearance.decisions.v1", unknownToTheRegistry, 1, Duration.ofSeconds(60)).get(0);
        assertEquals(traceId, traceIdOf(decided));
        // the registry skips a decision about a vessel it does not know, and says so in a log line of that trace
        Path log = Platform.stack().app(Stack.App.REGISTRY).log();
        String skipped = Eventually.until(() -> lineWith(log, unknownToTheRegistry), line -> !line.isEmpty());
        assertTrue(skipped.contains("[trace=" + traceId + ","), skipped);
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    private static String traceIdOf(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("traceparent");
        assertTrue(header != null, "no traceparent header on " + record);
        return new String(header.value(), java.nio.charset.StandardCharsets.US_ASCII).split("-")[1];
    }

    private static String lineWith(Path log, String text) {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
