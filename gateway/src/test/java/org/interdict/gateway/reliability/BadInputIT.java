package org.interdict.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.interdict.gateway.e2e.Platform;
import org.interdict.stack.Stack;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/}, its README says the format) replayed against every
 * write endpoint through the gateway: each case answers a 4xx application/problem+json whose detail names the
 * problem, never a 5xx, and afterwards every service's data is as it was.
 */
class BadInputIT {

    private static final String CORPUS = "/bad-input/";
    private static final List<String> FILES = List.of("registry-vessels.jsonl", "registry-vessel-changes.jsonl",
            "registry-designations.jsonl", "registry-nominations.jsonl", "registry-incidents.jsonl",
            "registry-imports.jsonl", "clearance-requests.jsonl", "readouts.jsonl", "admin.jsonl");
    private static final List<Stack.App> APPS = List.of(Stack.App.REGISTRY, Stack.App.CLEARANCE, Stack.App.READOUTS,
            Stack.App.GATEWAY);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bodies go out as the case wrote them, whatever the content type says (a form type would be re-encoded). */
    private static final RestAssuredConfig AS_SENT = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)
            .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @TestFactory
    Stream<DynamicTest> everyCaseIsRefusedWithAProblemAndChangesNothing() {
        List<JsonNode> cases = corpus();
        assertTrue(cases.size() >= 200, "the corpus holds " + cases.size() + " cases");
        Map<String, String> fixtures = fixtures();
        Map<String, Object> before = new HashMap<>();
        Stream<DynamicTest> start = Stream.of(DynamicTest.dynamicTest("the data at rest before the corpus",
                () -> before.putAll(quietState())));
        Stream<DynamicTest> replay = cases.stream().filter(c -> !c.has("open"))
                .map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> check(c, fixtures)));
        Stream<DynamicTest> end = Stream.of(DynamicTest.dynamicTest("the data unchanged after the corpus",
                () -> assertEquals(before, state(), "a refused request changed stored data")));
        // Known gaps, reported to the services' owners: replayed after the data check, since some are accepted and
        // write. Each must still show its gap; once fixed, this fails until the case's "open" mark is removed.
        Stream<DynamicTest> open = cases.stream().filter(c -> c.has("open"))
                .map(c -> DynamicTest.dynamicTest("open gap: " + c.get("id").asText(), () -> stillOpen(c, fixtures)));
        return Stream.of(start, replay, end, open).flatMap(s -> s);
    }

    private static void stillOpen(JsonNode c, Map<String, String> fixtures) {
        try {
            check(c, fixtures);
        } catch (AssertionError gap) {
            return;
        }
        throw new AssertionError("Case " + c.get("id").asText() + " now passes (" + c.get("open").asText()
                + "): remove its \"open\" mark so that it guards the fix");
    }

    private static void check(JsonNode c, Map<String, String> fixtures) {
        Map<String, String> values = new HashMap<>(fixtures);
        values.put("{newImo}", Fleet.newImo());
        values.put("{newImo2}", Fleet.newImo());
        values.put("{randomUuid}", UUID.randomUUID().toString());
        values.put("{newNation}", unusedNation(fixtures.get("{nations}")));
        values.put("{newUser}", Long.toString(System.nanoTime(), 36));
        String path = fill(c.get("path").asText(), values);
        byte[] body = body(c, values);
        Response response = send(c, path, body);
        int status = response.statusCode();
        String where = c.get("method").asText() + " " + path + " -> " + status + " " + response.asString();
        String expect = c.get("expect").asText();
        if (expect.equals("4xx")) {
            assertTrue(status >= 400 && status < 500, where);
        } else {
            assertEquals(Integer.parseInt(expect), status, where);
        }
        assertTrue(String.valueOf(response.contentType()).startsWith("application/problem+json"), where);
        String detail = response.jsonPath().getString("detail");
        assertEquals(status, response.jsonPath().getInt("status"), where);
        assertTrue(detail != null && !detail.isBlank(), where);
        if (c.has("names")) {
            String named = c.get("names").asText().toLowerCase(Locale.ROOT);
            String said = (detail + " " + response.jsonPath().getList("errors.field")).toLowerCase(Locale.ROOT);
            assertTrue(said.contains(named), "the answer should name " + named + ": " + where);
        }
    }

    private static Response send(JsonNode c, String path, byte[] body) {
        for (int attempt = 0; ; attempt++) {
            RequestSpecification request = Platform.as(c.get("user").asText()).urlEncodingEnabled(false)
                    .config(AS_SENT).contentType(c.get("contentType").asText());
            if (body != null) {
                request.body(body);
            }
            Response response = request.request(c.get("method").asText(), path);
            if (response.statusCode() != 429 || attempt == 5) {
                return response;
            }
            pause(1000); // the caller's rate limit, not the case's answer
        }
    }

    /** The case's body: raw text, or a base document with fields removed and set, placeholders filled. */
    private static byte[] body(JsonNode c, Map<String, String> values) {
        if (c.has("raw")) {
            String raw = c.get("raw").asText();
            if (raw.startsWith("$oversize:")) {
                raw = "{\"name\": \"" + "X".repeat(Integer.parseInt(raw.substring("$oversize:".length()))) + "\"}";
            }
            return fill(raw, values).getBytes(StandardCharsets.UTF_8);
        }
        if (!c.has("base")) {
            return null;
        }
        ObjectNode document = (ObjectNode) BASES.get(c.get("base").asText()).deepCopy();
        if (c.has("remove")) {
            c.get("remove").forEach(field -> document.remove(field.asText()));
        }
        if (c.has("set")) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = c.get("set").fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                document.set(field.getKey(), generated(field.getValue()));
            }
        }
        return fill(document.toString(), values).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code $repeat:<text>:<n>} and {@code $array:<n>:<text>} make huge values without storing them. */
    private static JsonNode generated(JsonNode value) {
        String text = value.isTextual() ? value.asText() : "";
        if (text.startsWith("$repeat:")) {
            String[] parts = text.split(":", 3);
            return JSON.getNodeFactory().textNode(parts[1].repeat(Integer.parseInt(parts[2])));
        }
        if (text.startsWith("$array:")) {
            String[] parts = text.split(":", 3);
            ArrayNode array = JSON.createArrayNode();
            for (int i = 0; i < Integer.parseInt(parts[1]); i++) {
                array.add(parts[2]);
            }
            return array;
        }
        return value;
    }

    private static String fill(String text, Map<String, String> values) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return text;
    }

    private static final Map<String, JsonNode> BASES = new HashMap<>();

    private static List<JsonNode> corpus() {
        try {
            try (InputStream in = BadInputIT.class.getResourceAsStream(CORPUS + "bases.json")) {
                JSON.readTree(in).fields().forEachRemaining(base -> BASES.put(base.getKey(), base.getValue()));
            }
            List<JsonNode> cases = new ArrayList<>();
            for (String file : FILES) {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                        BadInputIT.class.getResourceAsStream(CORPUS + file), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (!line.isBlank()) {
                            cases.add(JSON.readTree(line));
                        }
                    }
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the cases' paths and bodies refer to: two vessels, a nomination, a decision and a readout. */
    private static Map<String, String> fixtures() {
        String imo = Fleet.newImo();
        String imo2 = Fleet.newImo();
        Fleet.registered(imo, "BAD INPUT FIXTURE");
        Fleet.registered(imo2, "BAD INPUT FIXTURE TWO");
        String nomination = Platform.as("kor-ministry").contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "evidence", "Fixture for the bad-input corpus"))
                .post("/api/registry/nominations").then().statusCode(201).extract().path("id");
        String clearance = Fleet.clearance(imo, "BAD INPUT FIXTURE").getString("id");
        String readout = Platform.as("can-ministry").contentType(ContentType.JSON)
                .body(Map.of("title", "Bad-input fixture", "meetingDate", "2024-05-01", "body", "Fixture",
                        "tlp", "GREEN", "releasableTo", List.of("CAN", "USA")))
                .post("/api/readouts").then().statusCode(201).extract().path("id");
        String nations = String.valueOf(Platform.as("admin").get("/api/admin/nations?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("items.code"));
        return Map.of("{imo}", imo, "{imo2}", imo2, "{nomination}", nomination, "{clearance}", clearance,
                "{readout}", readout, "{eta}", Instant.now().plus(2, ChronoUnit.DAYS).toString(), "{nations}", nations);
    }

    /** The stored state once the fixtures' events have settled (two equal readings in a row). */
    private static Map<String, Object> quietState() {
        Map<String, Object> previous = state();
        for (int i = 0; i < 60; i++) {
            pause(2000);
            Map<String, Object> current = state();
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        throw new AssertionError("The stored data kept changing for two minutes before the corpus");
    }

    /** Every service's tables, and Keycloak's users as the admin API lists them. */
    private static Map<String, Object> state() {
        Map<String, Object> state = new HashMap<>();
        for (Stack.App app : APPS) {
            state.putAll(Databases.fingerprint(app));
        }
        state.put("keycloak.users", Platform.as("admin").get("/api/admin/users")
                .then().statusCode(200).extract().jsonPath().getList("items").stream().map(String::valueOf).sorted()
                .toList());
        return state;
    }

    /** An assigned ISO 3166-1 alpha-3 code the platform does not know yet, so that only the case's flaw refuses it. */
    private static String unusedNation(String known) {
        List<String> codes = Stream.of(Locale.getISOCountries())
                .map(alpha2 -> new Locale("", alpha2).getISO3Country())
                .filter(code -> !code.isEmpty() && !known.contains(code)).toList();
        return codes.get(ThreadLocalRandom.current().nextInt(codes.size()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
