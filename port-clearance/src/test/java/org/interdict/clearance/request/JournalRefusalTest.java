package org.interdict.clearance.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.interdict.clearance.support.ClearanceTestBase;
import org.interdict.clearance.support.DatabaseBehindFaultProxy;
import org.interdict.clearance.support.DirectDatabase;
import org.interdict.clearance.support.Imos;
import org.interdict.stack.Await;
import org.interdict.stack.FaultProxy;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * When decisions cannot be kept the service says so at once, 503 with Retry-After, and keeps nothing it did not
 * acknowledge: with its database out of reach (a fault proxy plays the outage), and with one decision already waiting
 * (the most this instance is configured for) while the database is slow (a table lock plays the slow commit).
 */
@QuarkusTest
@QuarkusTestResource(value = DatabaseBehindFaultProxy.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "interdict_test_clearance_refusal"),
        @ResourceArg(name = "journal-capacity", value = "1")})
class JournalRefusalTest extends ClearanceTestBase {

    @Inject
    DecisionJournal journal;

    private static ValidatableResponse ask(String imo) {
        return given().contentType(ContentType.JSON).body(notice(imo)).when().post("/api/clearance/requests").then();
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void anUnreachableDatabaseAnswers503AndNothingIsKept() {
        String refused = Imos.next();
        FaultProxy database = DatabaseBehindFaultProxy.proxy();
        database.cut();
        try {
            ask(refused).statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("status", equalTo(503));
        } finally {
            database.resume();
        }
        Await.until("decisions are kept again", () -> ask(Imos.next()).extract().statusCode() == 201);
        assertEquals(0, DirectDatabase.count("SELECT count(*) FROM clearance_request WHERE imo = ?", refused));
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void aFullJournalAnswers503WithRetryAfterAndTheDecisionsItTookAreKept() throws Exception {
        String refused = Imos.next();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> writing;
            Future<Integer> waiting;
            try (DirectDatabase.TableLock lock = DirectDatabase.lock("clearance_request")) {
                writing = callers.submit(() -> ask(Imos.next()).extract().statusCode());
                Await.until("the journal writes a decision and waits for the table", lock::awaited);
                waiting = callers.submit(() -> ask(Imos.next()).extract().statusCode());
                Await.until("a decision waits", () -> journal.queued() == 1);

                ask(refused).statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", equalTo("1"))
                        .body("status", equalTo(503));
            }
            for (Future<Integer> taken : List.of(writing, waiting)) {
                assertEquals(201, taken.get(60, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(0, DirectDatabase.count("SELECT count(*) FROM clearance_request WHERE imo = ?", refused));
    }
}
