package org.interdict.readouts.stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interdict.commons.membership.Membership;
import org.interdict.readouts.readout.Author;
import org.interdict.readouts.readout.PublishReadout;
import org.interdict.readouts.readout.Readout;
import org.interdict.readouts.readout.ReadoutService;
import org.interdict.readouts.readout.Tlp;
import org.interdict.stack.Await;
import org.interdict.readouts.support.Nations;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_readouts"))
class ReadoutStreamTest {

    @Inject
    Membership membership;

    @Inject
    ReadoutService readouts;

    @Inject
    ReadoutBroadcaster broadcaster;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "test.url")
    String testUrl;

    private Readout publish(String title, List<String> releasableTo) {
        return readouts.publish(new Author("KOR", "kor-ministry", false), new PublishReadout(title,
                LocalDate.of(2026, 11, 2), "Text", Tlp.AMBER, releasableTo, null));
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void pushesReadoutsReleasedToTheConnectedNationOnly() throws Exception {
        Nations.seed(membership);
        Set<String> pushed = ConcurrentHashMap.newKeySet();
        CompletableFuture<HttpResponse<Stream<String>>> connection = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(testUrl + "/api/readouts/stream"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        connection.thenAccept(response -> collect(response, pushed));
        Await.until("the stream is connected", () -> broadcaster.isFollowed("JPN"));

        Readout forKorea = publish("Korea only", List.of("KOR"));
        Readout forJapan = publish("For Japan", List.of("JPN", "KOR"));
        Await.until("Japan's readout is pushed", () -> pushed.contains(forJapan.id.toString()));
        // a burst, pushed faster than one connection writes: every one arrives
        List<String> burst = IntStream.range(0, 8)
                .mapToObj(i -> publish("Burst " + i, List.of("JPN")).id.toString()).toList();
        Await.until("the burst is pushed", () -> pushed.containsAll(burst));

        assertFalse(pushed.contains(forKorea.id.toString()), "a readout not released to Japan was streamed to it");
        given().get("/api/readouts/{id}", forJapan.id).then().statusCode(200);
        connection.thenAccept(response -> response.body().close());
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void aReadoutPushedOnTheStreamIsDelivered() throws Exception {
        Nations.seed(membership);
        Set<String> pushed = ConcurrentHashMap.newKeySet();
        CompletableFuture<HttpResponse<Stream<String>>> connection = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(testUrl + "/api/readouts/stream")).build(),
                HttpResponse.BodyHandlers.ofLines());
        connection.thenAccept(response -> collect(response, pushed));
        Await.until("the stream is connected", () -> broadcaster.isFollowed("KOR"));
        Readout readout = publish("Own readout", List.of("KOR"));
        Await.until("the readout is pushed", () -> pushed.contains(readout.id.toString()));
        Await.until("the push is recorded as a delivery", () -> "DELIVERED".equals(given()
                .get("/api/readouts/{id}/deliveries", readout.id).jsonPath().getString("items[0].status")));
        given().get("/api/readouts/{id}/deliveries", readout.id).then().body("items[0].deliveredAt",
                org.hamcrest.Matchers.notNullValue()).body("items[0].nation", equalTo("KOR"));
        connection.thenAccept(response -> response.body().close());
    }

    /** Reads the stream's data lines on a thread of its own until the test closes the connection. */
    private void collect(HttpResponse<Stream<String>> response, Set<String> pushed) {
        new Thread(() -> {
            try {
                response.body().filter(line -> line.startsWith("data:")).forEach(line -> pushed.add(id(line.substring(5))));
            } catch (UncheckedIOException closed) {
                // the test is over
            }
        }).start();
    }

    private String id(String data) {
        try {
            return json.readTree(data).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException("Not a readout: " + data, e);
        }
    }
}
