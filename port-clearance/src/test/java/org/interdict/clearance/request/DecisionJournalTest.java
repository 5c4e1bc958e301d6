package org.interdict.clearance.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.interdict.clearance.events.ClearanceDecided;
import org.interdict.clearance.support.ClearanceTestBase;
import org.interdict.clearance.support.DirectDatabase;
import org.interdict.clearance.support.Imos;
import org.interdict.clearance.support.Registry;
import org.interdict.commons.database.DatabaseUnavailable;
import org.interdict.commons.outbox.Outbox;
import org.interdict.stack.Await;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/** Decisions kept by group commit: each answered only once committed with its event, many per commit under load. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_clearance"))
class DecisionJournalTest extends ClearanceTestBase {

    private static final int CALLERS = 64;
    private static final int DECISIONS_EACH = 5;

    @Inject
    DecisionJournal journal;

    @Inject
    MeterRegistry meters;

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void concurrentDecisionsAreEachKeptOnceWithTheirEventsInOrderByFewerCommits() throws Exception {
        Batches before = batches();
        Map<String, List<String>> idsByImo = new LinkedHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            Map<String, Future<List<String>>> asked = new LinkedHashMap<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                String imo = Imos.next();
                asked.put(imo, callers.submit(() -> askInTurn(imo)));
            }
            for (Map.Entry<String, Future<List<String>>> each : asked.entrySet()) {
                idsByImo.put(each.getKey(), each.getValue().get(120, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        int decisions = CALLERS * DECISIONS_EACH;
        Set<String> ids = idsByImo.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        assertEquals(decisions, ids.size());

        String imos = idsByImo.keySet().stream().collect(Collectors.joining(","));
        assertEquals(decisions, DirectDatabase.count("SELECT count(DISTINCT id) FROM clearance_request "
                + "WHERE imo = ANY(string_to_array(?, ','))", imos));
        assertEquals(decisions, DirectDatabase.count("SELECT count(*) FROM clearance_request "
                + "WHERE imo = ANY(string_to_array(?, ','))", imos));

        List<Registry.Found> events = Registry.findAll(ClearanceDecided.TOPIC,
                value -> ids.contains(value.path("clearanceId").asText()), decisions);
        Map<String, List<String>> eventsByImo = events.stream().collect(Collectors.groupingBy(Registry.Found::key,
                LinkedHashMap::new, Collectors.mapping(event -> event.value().path("clearanceId").asText(),
                        Collectors.toList())));
        for (Map.Entry<String, List<String>> each : idsByImo.entrySet()) {
            assertEquals(each.getValue(), eventsByImo.get(each.getKey()),
                    "each decision's event once, in the order of the vessel's decisions");
        }

        Batches after = batches();
        assertEquals(decisions, after.decisions() - before.decisions());
        assertThat("commits for " + decisions + " decisions", after.commits() - before.commits(), lessThan(
                (long) decisions));
    }

    /** One officer's decisions about one vessel, each asked once the previous one was answered. */
    private List<String> askInTurn(String imo) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DECISIONS_EACH; i++) {
            ids.add(given().contentType(ContentType.JSON).body(notice(imo)).when().post("/api/clearance/requests")
                    .then().statusCode(201).extract().path("id"));
        }
        return ids;
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void anEventNamesTheRequestAndTraceOfItsDecisionThoughTheJournalWroteIt() {
        String requestId = "journal-" + UUID.randomUUID();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        String id = given().header("X-Request-Id", requestId).header("traceparent", traceparent)
                .contentType(ContentType.JSON).body(notice(Imos.next())).when().post("/api/clearance/requests")
                .then().statusCode(201).extract().path("id");

        Registry.Found event = Registry.find(ClearanceDecided.TOPIC, value -> id.equals(value.path("clearanceId").asText()));
        assertEquals(requestId, event.requestIdHeader());
        assertTrue(event.traceparentHeader().contains(traceId), event.traceparentHeader());
    }

    @Test
    void aDecisionTheDatabaseRefusesFailsAloneAndTheOthersOfItsBatchAreKept() throws Exception {
        Batches before = batches();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        Future<UUID> first;
        Future<UUID> good;
        Future<?> bad;
        Future<UUID> alsoGood;
        try {
            try (DirectDatabase.TableLock lock = DirectDatabase.lock("clearance_request")) {
                first = callers.submit(() -> decided(notice(Imos.next())));
                Await.until("the journal writes the first decision and waits for the table", lock::awaited);
                good = callers.submit(() -> decided(notice(Imos.next())));
                bad = callers.submit(() -> journal.keep(withoutImo(), new Outbox.Entry(ClearanceDecided.TOPIC,
                        "0000000", ClearanceDecided.TYPE, UUID.randomUUID(), Map.of())).join());
                alsoGood = callers.submit(() -> decided(notice(Imos.next())));
                Await.until("three decisions wait for the next commit", () -> journal.queued() == 3);
            }
            for (Future<UUID> kept : List.of(first, good, alsoGood)) {
                String id = kept.get(60, TimeUnit.SECONDS).toString();
                assertEquals(1, DirectDatabase.count("SELECT count(*) FROM clearance_request WHERE id = CAST(? AS uuid)",
                        id));
            }
            ExecutionException refused = assertThrows(ExecutionException.class, () -> bad.get(60, TimeUnit.SECONDS));
            assertFalse(DatabaseUnavailable.isCause(refused), "a constraint, not an outage");
        } finally {
            callers.shutdownNow();
        }

        Batches after = batches();
        assertEquals(3, after.decisions() - before.decisions());
        assertEquals(3, after.commits() - before.commits(), "the first alone, then the batch's good members one by one");
    }

    /** A decision the database refuses: it has no IMO. */
    private static ClearanceRecord withoutImo() {
        ClearanceRecord record = new ClearanceRecord();
        record.id = TimeOrderedIds.next();
        return record;
    }

    private record Batches(long commits, double decisions) {
    }

    private Batches batches() {
        DistributionSummary summary = meters.get("clearance.journal.batch").summary();
        return new Batches(summary.count(), summary.totalAmount());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
