package org.interdict.gateway.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.interdict.gateway.e2e.Platform;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The calls the reliability tests make through the gateway, with fresh identities so that tests never collide. */
final class Fleet {

    /** Member ministries, whose inboxes receive designation notices. */
    static final List<String> MEMBER_MINISTRIES = List.of("can-ministry", "usa-ministry", "kor-ministry",
            "jpn-ministry", "gbr-ministry");

    private Fleet() {
    }

    /** The first six digits of the next IMO number: a random start per test JVM, then one after the other. */
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(900_000));

    /**
     * An IMO number with a correct check digit, never the same twice in a test JVM (random ones met each other
     * within a soak's two thousand registrations and got a rightful 409).
     */
    static String newImo() {
        String first = Integer.toString(100_000 + Math.floorMod(NEXT.getAndIncrement(), 900_000));
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (first.charAt(i) - '0') * (7 - i);
        }
        return first + sum % 10;
    }

    static Response register(String imo, String name) {
        return Platform.as("kor-ministry").contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "name", name, "flag", "PAN", "type", "Oil tanker", "buildYear", 2004))
                .post("/api/registry/vessels");
    }

    static void registered(String imo, String name) {
        register(imo, name).then().statusCode(201);
    }

    /** Designates the vessel for the UN; answers the designation's id. */
    static String designate(String imo, String reference) {
        return designation(imo, reference).then().statusCode(201).extract().path("id");
    }

    static Response designation(String imo, String reference) {
        return Platform.as("admin").contentType(ContentType.JSON)
                .body(Map.of("authority", "UN", "reference", reference, "listedOn", LocalDate.now().toString(),
                        "basis", "Reliability test"))
                .post("/api/registry/vessels/" + imo + "/designations");
    }

    /** Busan's clearance decision for the vessel. */
    static JsonPath clearance(String imo, String name) {
        return clearanceRequest(imo, name).then().statusCode(201).extract().jsonPath();
    }

    /** Busan asks for clearance of the vessel, whatever the answer. */
    static Response clearanceRequest(String imo, String name) {
        return clearanceRequest(Platform.as("busan-officer"), imo, name);
    }

    /** Busan asks for clearance of the vessel where the request points (the gateway, or a service directly). */
    static Response clearanceRequest(RequestSpecification busanOfficer, String imo, String name) {
        return busanOfficer.contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "name", name, "flag", "PAN", "port", "KRPUS",
                        "eta", Instant.now().plus(2, ChronoUnit.DAYS).toString(), "lastPortsOfCall", List.of()))
                .post("/api/clearance/requests");
    }

    /** How many designation notices for the vessel the ministry's inbox holds. */
    static long designationNotices(String ministry, String imo) {
        long count = 0;
        String cursor = null;
        do {
            var request = Platform.as(ministry).queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("addedAfter", cursor);
            }
            JsonPath page = request.get("/api/readouts/inbox").then().statusCode(200).extract().jsonPath();
            List<String> titles = page.getList("items.readout.title", String.class);
            List<String> bodies = page.getList("items.readout.body", String.class);
            for (int i = 0; i < titles.size(); i++) {
                if (titles.get(i).startsWith("Vessel designated") && bodies.get(i).contains(imo)) {
                    count++;
                }
            }
            cursor = titles.isEmpty() ? null : page.getString("next");
        } while (cursor != null);
        return count;
    }

    /**
     * The first answer that passes the check, or the last one when the time runs out (the caller asserts on it).
     * Generous: after an outage, clients reconnect with back-off on a busy machine.
     */
    static <T> T eventually(Supplier<T> call, Predicate<T> done) {
        return eventually(call, done, Duration.ofSeconds(120));
    }

    /** As {@link #eventually(Supplier, Predicate)}, with its own patience (a service starting on a loaded machine). */
    static <T> T eventually(Supplier<T> call, Predicate<T> done, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        T last = call.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = call.get();
        }
        return last;
    }
}
