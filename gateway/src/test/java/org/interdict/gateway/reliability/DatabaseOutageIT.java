package org.interdict.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.interdict.gateway.e2e.Platform;
import org.interdict.gateway.e2e.Tokens;
import org.interdict.stack.FaultProxy;
import org.interdict.stack.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * PostgreSQL unreachable for a while, played by the stack's fault proxy (every connection of the services reset, new
 * ones refused) since the machine's server is shared and never stopped: each service's readiness goes DOWN, calls
 * that need the database answer 503 problem+json (never a 500, never a hang past the gateway's timeout), everything
 * recovers on its own once the database is back, and every write acknowledged with a 2xx, before, during or after
 * the outage, is in the registry.
 */
class DatabaseOutageIT {

    private static final int WRITERS = 2;
    private static final List<String> MINISTRIES = List.of("kor-ministry", "jpn-ministry");
    /** Answers a client may get while the database is away: unavailable, or its own rate limit while it retries. */
    private static final Set<Integer> FAILURES_ALLOWED = Set.of(503, 429);

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private Writers writers;

    @AfterEach
    void databaseBack() {
        Platform.stack().databaseProxy().resume();
        if (writers != null) {
            writers.close();
        }
        StackHealth.awaitRecovered();
    }

    @Test
    void servicesAnswer503DuringAnOutageAndLoseNoAcknowledgedWrite() {
        writers = Writers.start(WRITERS, this::register);
        writers.awaitAcknowledged(4);
        String known = acknowledged.iterator().next();
        Stack stack = Platform.stack();
        FaultProxy database = stack.databaseProxy();

        database.cut();
        writers.faultBegins();
        for (Stack.App app : Stack.App.values()) {
            int ready = Fleet.eventually(() -> readiness(stack, app), status -> status == 503);
            assertEquals(503, ready, app.module() + "'s readiness during the outage");
        }
        unavailable(Stack.App.REGISTRY, "kor-ministry", request -> request.get("/api/registry/vessels/" + known));
        unavailable(Stack.App.CLEARANCE, "busan-officer",
                request -> Fleet.clearanceRequest(request, known, "OUTAGE TANKER"));
        unavailable(Stack.App.READOUTS, "jpn-ministry", request -> request.get("/api/readouts/inbox"));
        unavailable(Stack.App.GATEWAY, "admin", request -> request.get("/api/admin/nations"));
        writers.awaitEachFailed();
        int acknowledgedBeforeRecovery = writers.acknowledged();

        database.resume();
        for (Stack.App app : Stack.App.values()) {
            stack.app(app).awaitReady();
        }
        writers.awaitAcknowledged(acknowledgedBeforeRecovery + 2 * WRITERS);
        writers.close();

        Map<Integer, Integer> statuses = writers.statuses();
        assertTrue(statuses.keySet().stream().allMatch(status -> status / 100 == 2 || FAILURES_ALLOWED.contains(status)),
                "writers' answers: " + statuses);
        String imos = acknowledged.stream().map(imo -> "'" + imo + "'").collect(Collectors.joining(","));
        List<String> kept = Databases.column(Stack.App.REGISTRY, "SELECT imo FROM vessel WHERE imo IN (" + imos + ")");
        List<String> lost = new ArrayList<>(acknowledged);
        lost.removeAll(kept);
        assertEquals(List.of(), lost, "registrations acknowledged with 201 but not in the registry; answers " + statuses);
    }

    private void register(int writer, Writers writers) {
        String imo = Fleet.newImo();
        int status = Platform.as(MINISTRIES.get(writer)).contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "name", "OUTAGE TANKER", "flag", "PAN"))
                .post("/api/registry/vessels").statusCode();
        if (writers.noted(writer, status)) {
            acknowledged.add(imo);
        }
    }

    private static int readiness(Stack stack, Stack.App app) {
        return RestAssured.given().baseUri(stack.app(app).url()).get("/q/health/ready").statusCode();
    }

    /**
     * Waits for the call to answer 503 problem+json from the application itself and through the gateway; no answer
     * meanwhile may be anything but a success or an allowed failure.
     */
    private static void unavailable(Stack.App app, String user, Function<RequestSpecification, Response> call) {
        String token = Tokens.of(user);
        Map<String, Supplier<RequestSpecification>> ways = new LinkedHashMap<>();
        if (app != Stack.App.GATEWAY) {
            ways.put("itself", () -> RestAssured.given().baseUri(Platform.stack().app(app).url()).auth().oauth2(token));
        }
        ways.put("the gateway", () -> Platform.gateway().auth().oauth2(token));
        ways.forEach((way, request) -> {
            List<Integer> answers = new ArrayList<>();
            Response last = Fleet.eventually(() -> {
                Response answer = call.apply(request.get());
                answers.add(answer.statusCode());
                return answer;
            }, answer -> answer.statusCode() == 503);
            String what = app.module() + ", asked through " + way + ", during the outage";
            assertEquals(503, last.statusCode(), what + ": " + last.asString());
            assertTrue(last.contentType().startsWith("application/problem+json"), what + ": " + last.contentType());
            // 429: the writers, refused at once during the outage, may spend the rate limit of the caller they share
            assertTrue(answers.stream().allMatch(status -> FAILURES_ALLOWED.contains(status) || status / 100 == 2),
                    what + " answered " + answers);
        });
    }
}
