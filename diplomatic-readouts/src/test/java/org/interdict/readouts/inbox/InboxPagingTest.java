package org.interdict.readouts.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.interdict.commons.membership.Membership;
import org.interdict.readouts.readout.Author;
import org.interdict.readouts.readout.PublishReadout;
import org.interdict.readouts.readout.ReadoutService;
import org.interdict.readouts.readout.Tlp;
import org.interdict.readouts.support.Nations;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;

/** New Zealand's inbox, which only this test publishes to. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_readouts"))
@TestSecurity(user = "nzl-ministry", roles = "ministry")
@OidcSecurity(claims = @Claim(key = "nation", value = "NZL"))
class InboxPagingTest {

    private static final int WRITERS = 3;
    private static final int PER_WRITER = 20;

    @Inject
    Membership membership;

    @Inject
    ReadoutService service;

    @BeforeEach
    void coalition() {
        Nations.seed(membership);
    }

    @Test
    void pagingWhileReadoutsArriveReturnsEveryOneExactlyOnce() throws Exception {
        ConcurrentLinkedQueue<UUID> published = new ConcurrentLinkedQueue<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < PER_WRITER; i++) {
                    // each transaction lingers after taking its inbox position, so commits interleave as they
                    // would under load; a position taken before another's commit must still not be skipped
                    published.add(QuarkusTransaction.requiringNew().call(() -> {
                        UUID id = service.publish(new Author("AUS", "aus-ministry", false), new PublishReadout(
                                "Concurrent", LocalDate.of(2026, 11, 2), "Text", Tlp.GREEN, List.of("NZL", "NOR"),
                                null)).id;
                        Thread.sleep(ThreadLocalRandom.current().nextInt(15));
                        return id;
                    }));
                }
                return null;
            }));
        }
        List<UUID> read = new ArrayList<>();
        String cursor = "";
        boolean writing = true;
        while (true) {
            JsonPath page = given().queryParam("addedAfter", cursor).queryParam("limit", 7)
                    .get("/api/readouts/inbox").then().statusCode(200).extract().jsonPath();
            // designation notices from other tests reach New Zealand too: only this test's readouts count
            page.getList("items.findAll { it.readout.title == 'Concurrent' }.readout.id", String.class)
                    .forEach(id -> read.add(UUID.fromString(id)));
            List<String> cursors = page.getList("items.cursor", String.class);
            if (!cursors.isEmpty()) {
                cursor = cursors.get(cursors.size() - 1);
            }
            if (page.getString("next") == null) {
                if (!writing) {
                    break;
                }
                // one more full pass once every writer has committed
                writing = !done.stream().allMatch(Future::isDone);
            }
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
        assertEquals(read.size(), new HashSet<>(read).size(), "no readout listed twice");
        assertEquals(Set.copyOf(published), Set.copyOf(read), "every readout listed");
    }

    @Test
    void refusesABadCursorOrLimit() {
        given().queryParam("addedAfter", "not-a-cursor").get("/api/readouts/inbox")
                .then().statusCode(400).body("errors[0].field", equalTo("addedAfter"));
        given().queryParam("limit", 1001).get("/api/readouts/inbox").then().statusCode(400);
        given().queryParam("limit", 0).get("/api/readouts/inbox").then().statusCode(400);
    }
}
