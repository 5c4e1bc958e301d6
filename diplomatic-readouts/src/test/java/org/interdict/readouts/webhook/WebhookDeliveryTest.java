package org.interdict.readouts.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.interdict.commons.membership.Membership;
import org.interdict.readouts.readout.Author;
import org.interdict.readouts.readout.PublishReadout;
import org.interdict.readouts.readout.Readout;
import org.interdict.readouts.readout.ReadoutService;
import org.interdict.readouts.readout.Tlp;
import org.interdict.stack.Await;
import org.interdict.readouts.support.Nations;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/** Australia's webhooks, against a local receiver that checks signatures the way a ministry's would. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_readouts"))
@TestSecurity(user = "aus-ministry", roles = "ministry")
@OidcSecurity(claims = {@Claim(key = "nation", value = "AUS"), @Claim(key = "preferred_username", value = "aus-ministry")})
class WebhookDeliveryTest {

    @Inject
    Membership membership;

    @Inject
    ReadoutService readouts;

    @Inject
    WebhookService webhooks;

    @Inject
    ObjectMapper json;

    @Inject
    WebhookDispatcher dispatcher;

    @BeforeEach
    void coalition() {
        Nations.seed(membership);
    }

    @Test
    void aReceiverThatFailsFirstGetsTheSignedReadoutOnARetryAndTheAuthorSeesTheAttempts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        String[] secret = new String[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/readouts", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-Interdict-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Interdict-Signature");
            boolean fresh = timestamp != null
                    && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300;
            boolean genuine = signature != null && signature.equals(WebhookSignature.sign(secret[0], timestamp, body));
            int status = calls.incrementAndGet() == 1 ? 503 : fresh && genuine ? 204 : 401;
            if (status == 204) {
                received.add(json.readTree(body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        // Norway's endpoint: the kernel completes connections into the backlog, nothing ever answers
        try (ServerSocket dead = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/readouts";
            var created = given().contentType(ContentType.JSON).body(Map.of("url", url))
                    .post("/api/readouts/webhooks").then().statusCode(201)
                    .body("nation", equalTo("AUS")).body("secret", startsWith("whsec_")).extract().jsonPath();
            secret[0] = created.getString("secret");
            String webhookId = created.getString("id");
            WebhookViews.Created norway = webhooks.register("NOR", "nor-ministry",
                    "http://127.0.0.1:" + dead.getLocalPort() + "/hook");
            given().get("/api/readouts/webhooks").then().statusCode(200)
                    .body("items.id", hasItem(webhookId)).body("items[0].secret", nullValue());

            Readout readout = readouts.publish(new Author("AUS", "aus-ministry", false), new PublishReadout(
                    "Webhook readout", LocalDate.of(2026, 11, 2), "Signed text", Tlp.AMBER, List.of("AUS", "NOR"), null));
            Await.until("the receiver accepts the readout", () -> !received.isEmpty());

            assertEquals(readout.id.toString(), received.get(0).get("id").asText());
            assertEquals("Signed text", received.get(0).get("body").asText());
            // Norway's first attempt is still waiting out its timeout: it held up nobody
            given().get("/api/readouts/{id}/deliveries/NOR/attempts", readout.id).then().body("items", empty());
            Await.until("the attempts are recorded", () -> given().get(
                    "/api/readouts/{id}/deliveries/AUS/attempts", readout.id).jsonPath().getList("items").size() == 2);
            given().get("/api/readouts/{id}/deliveries/AUS/attempts", readout.id).then().statusCode(200)
                    .body("items.attempt", equalTo(List.of(1, 2)))
                    .body("items.outcome", equalTo(List.of("failed", "delivered")))
                    .body("items.statusCode", equalTo(List.of(503, 204)))
                    .body("items[0].error", equalTo("HTTP 503"));
            given().get("/api/readouts/{id}/deliveries", readout.id).then()
                    .body("items.find { it.nation == 'AUS' }.status", equalTo("DELIVERED"))
                    .body("items.find { it.nation == 'NOR' }.status", equalTo("PENDING"));

            given().get("/q/metrics").then()
                    .body(containsString("readouts_webhook_attempts_total{outcome=\"delivered\"}"))
                    .body(containsString("readouts_webhook_attempts_total{outcome=\"failed\"}"));

            given().delete("/api/readouts/webhooks/{id}", webhookId).then().statusCode(204);
            given().delete("/api/readouts/webhooks/{id}", norway.id()).then().statusCode(404);
            webhooks.delete("NOR", norway.id());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aSuspendedNationsWebhookReceivesNothingAndTheAuthorSeesWhy() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            WebhookViews.Created philippines = webhooks.register("PHL", "phl-ministry",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/");
            Readout readout = readouts.publish(new Author("AUS", "aus-ministry", false), new PublishReadout(
                    "For a suspended nation", LocalDate.of(2026, 11, 2), "Text", Tlp.GREEN, List.of("PHL"), null));
            Await.until("the held attempt is recorded", () -> !given().get(
                    "/api/readouts/{id}/deliveries/PHL/attempts", readout.id).jsonPath().getList("items").isEmpty());
            given().get("/api/readouts/{id}/deliveries/PHL/attempts", readout.id).then()
                    .body("items[0].outcome", equalTo("failed"))
                    .body("items[0].error", containsString("suspended"));
            assertEquals(0, calls.get(), "nothing was sent to the suspended nation");
            webhooks.delete("PHL", philippines.id());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void anEndpointThatNeverAnswersIsGivenUpAfterTheRetryTime() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        WebhookViews.Created gone = webhooks.register("NZL", "nzl-ministry", "http://127.0.0.1:" + closedPort + "/");
        Readout readout = readouts.publish(new Author("AUS", "aus-ministry", false), new PublishReadout(
                "To a closed port", LocalDate.of(2026, 11, 2), "Text", Tlp.GREEN, List.of("NZL"), null));
        // the test profile retries for 8 s, starting 200 ms apart and doubling
        Await.until("the delivery is given up", () -> given().get("/api/readouts/{id}/deliveries/NZL/attempts",
                readout.id).jsonPath().getList("items.outcome", String.class).contains("abandoned"));
        List<String> outcomes = given().get("/api/readouts/{id}/deliveries/NZL/attempts", readout.id)
                .jsonPath().getList("items.outcome", String.class);
        assertTrue(outcomes.size() > 1, "retried before giving up: " + outcomes);
        assertEquals("abandoned", outcomes.get(outcomes.size() - 1));
        assertTrue(outcomes.subList(0, outcomes.size() - 1).stream().allMatch("failed"::equals), outcomes.toString());
        given().get("/api/readouts/{id}/deliveries", readout.id).then().body("items[0].status", equalTo("PENDING"));
        webhooks.delete("NZL", gone.id());
    }

    @Test
    void acceptsOnlyHttpsEndpointsAndLocalOnesWhereConfigured() {
        given().contentType(ContentType.JSON).body(Map.of("url", "http://ministry.example/hook"))
                .post("/api/readouts/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().contentType(ContentType.JSON).body(Map.of("url", "ftp://ministry.example/hook"))
                .post("/api/readouts/webhooks").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("url", "https://user:pw@ministry.example/hook"))
                .post("/api/readouts/webhooks").then().statusCode(400);
        String id = given().contentType(ContentType.JSON).body(Map.of("url", "https://ministry.example/hook"))
                .post("/api/readouts/webhooks").then().statusCode(201).extract().path("id");
        given().delete("/api/readouts/webhooks/{id}", id).then().statusCode(204);
    }

    @Test
    void waitsLongerAfterEachFailureUpToTheCap() {
        assertEquals(Duration.ofMillis(200), dispatcher.backoff(1));
        assertEquals(Duration.ofMillis(400), dispatcher.backoff(2));
        assertEquals(Duration.ofMillis(800), dispatcher.backoff(3));
        assertEquals(Duration.ofMinutes(15), dispatcher.backoff(40));
    }

    @Test
    void signsTheTimestampWithTheBody() {
        String signature = WebhookSignature.sign("whsec_test", "1700000000", "{\"a\":1}");
        assertTrue(signature.matches("sha256=[0-9a-f]{64}"));
        assertTrue(!signature.equals(WebhookSignature.sign("whsec_test", "1700000001", "{\"a\":1}")),
                "a replayed body under a new timestamp needs a new signature");
    }
}
