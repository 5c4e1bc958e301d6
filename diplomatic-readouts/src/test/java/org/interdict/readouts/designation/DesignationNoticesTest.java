package org.interdict.readouts.designation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.interdict.commons.membership.Membership;
import org.interdict.readouts.delivery.Delivery;
import org.interdict.readouts.readout.Readout;
import org.interdict.stack.Await;
import org.interdict.readouts.support.Nations;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_readouts"))
class DesignationNoticesTest {

    private static final String TOPIC = "registry.designations.v1";

    @Inject
    Membership membership;

    private static String designated(UUID eventId, String imo) {
        return """
                {"eventId":"%s","eventType":"VesselDesignated","schemaVersion":1,"occurredAt":"2026-11-28T09:00:00Z",
                 "imo":"%s","vesselName":"CHON MA SAN","flag":"PRK","designationId":"d-1","authority":"UN",
                 "reference":"KPe.072","listedOn":"2026-11-27","basis":"Ship-to-ship transfers of refined oil",
                 "futureField":"ignored"}""".formatted(eventId, imo);
    }

    private static void produce(String imo, String... payloads) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.broker().bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (String payload : payloads) {
                producer.send(new ProducerRecord<>(TOPIC, imo, payload)).get();
            }
        }
    }

    private static List<Readout> noticesOf(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Readout.list("sourceEventId", eventId));
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void oneNoticePerEventInEveryMemberInboxAndNoneForNonMembers() throws Exception {
        Nations.seed(membership);
        UUID eventId = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        String delisted = """
                {"eventId":"%s","eventType":"VesselDelisted","schemaVersion":1,"occurredAt":"2026-11-28T10:00:00Z",
                 "imo":"9074729","vesselName":"YU JONG 2","flag":"PRK","designationId":"d-2","authority":"OFAC",
                 "reference":"DPRK4","delistedOn":"2026-11-28"}""".formatted(marker);
        // delivered twice, as at-least-once delivery may; then a second event to know the first pair was consumed
        produce("8910378", designated(eventId, "8910378"), designated(eventId, "8910378"));
        produce("9074729", delisted);
        Await.until("the designation notice exists", () -> noticesOf(eventId).size() == 1);
        Await.until("the delisting notice exists", () -> noticesOf(marker).size() == 1);
        produce("8910378", designated(eventId, "8910378"));
        Await.until("the later delisting notice exists", () -> noticesOf(marker).size() == 1);

        assertEquals(1, noticesOf(eventId).size(), "one notice per event");
        Readout notice = noticesOf(eventId).get(0);
        Set<String> recipients = QuarkusTransaction.requiringNew().call(() -> new TreeSet<>(Delivery.<Delivery>list(
                "readout.id", notice.id).stream().map(delivery -> delivery.nation).toList()));
        assertEquals(membership.activeMembers(), recipients, "every active member, nobody else");
        assertTrue(recipients.contains("JPN"));
        assertFalse(recipients.contains("CHN") || recipients.contains("RUS") || recipients.contains("PHL"));

        given().get("/api/readouts/{id}", notice.id).then().statusCode(200)
                .body("tlp", equalTo("GREEN"))
                .body("author", equalTo("system"))
                .body("title", containsString("IMO 8910378"))
                .body("body", containsString("CHON MA SAN"))
                .body("body", containsString("KPe.072"))
                .body("body", containsString("UN"));
        given().get("/api/readouts/{id}", noticesOf(marker).get(0).id).then().statusCode(200)
                .body("title", containsString("delisted")).body("meetingDate", equalTo("2026-11-28"));
    }

    @Test
    @TestSecurity(user = "chn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "CHN"))
    void aNonMemberNeverSeesANotice() throws Exception {
        Nations.seed(membership);
        UUID eventId = UUID.randomUUID();
        produce("8910378", designated(eventId, "8910378"));
        Await.until("the notice exists", () -> noticesOf(eventId).size() == 1);
        given().get("/api/readouts/{id}", noticesOf(eventId).get(0).id).then().statusCode(404);
        given().queryParam("limit", 1000).get("/api/readouts/inbox").then().statusCode(200)
                .body("items.readout.author", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("system")));
    }
}
