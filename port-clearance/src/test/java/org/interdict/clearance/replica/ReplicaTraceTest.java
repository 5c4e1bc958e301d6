package org.interdict.clearance.replica;

import static org.interdict.clearance.support.Vessels.vessel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.interdict.clearance.support.ClearanceTestBase;
import org.interdict.clearance.support.Imos;
import org.interdict.clearance.support.Registry;
import org.interdict.stack.Await;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The replica applies a vessel status in a span of the trace the registry's event carries. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_clearance"))
class ReplicaTraceTest extends ClearanceTestBase {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aStatusIsAppliedInTheTraceItCarries() {
        String traceId = randomHex(16);
        String parentId = randomHex(8);
        String imo = Imos.next();
        ProducerRecord<String, String> record = new ProducerRecord<>(Registry.STATUS_TOPIC, imo,
                Registry.write(vessel(imo).build()));
        record.headers().add("traceparent", ("00-" + traceId + "-" + parentId + "-01").getBytes(StandardCharsets.UTF_8));
        Registry.send(record);

        Await.until("a span in trace " + traceId, () -> find(traceId).isPresent());
        SpanData process = find(traceId).orElseThrow();
        assertEquals(SpanKind.CONSUMER, process.getKind());
        assertEquals("process " + Registry.STATUS_TOPIC, process.getName());
        assertEquals(parentId, process.getParentSpanId());
        assertEquals(imo, picture.vessel(imo).orElseThrow().status().imo(), "the span ends once the status took effect");
    }

    private Optional<SpanData> find(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).findFirst();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
