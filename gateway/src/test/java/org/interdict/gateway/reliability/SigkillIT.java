package org.interdict.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interdict.gateway.e2e.Platform;
import org.interdict.stack.QuarkusService;
import org.interdict.stack.Stack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * vessel-registry killed with SIGKILL while clients register, rename and designate vessels through the gateway, then
 * started again: every write acknowledged with a 2xx is in the registry, every vessel the registry has carries its
 * latest version on the vessel-status topic, and every event on the topic belongs to a committed change (no event for
 * a vessel the registry does not have, none newer than the registry's version). Writes that failed may or may not
 * have happened, but if they did, their event is there too.
 */
class SigkillIT {

    private static final String STATUS_TOPIC = "registry.vessel-status.v1";
    private static final int WRITERS = 3;
    /** Acknowledged writes before the kill, so that it lands in the middle of the writing. */
    private static final int BEFORE_KILL = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the clients were told about one vessel. */
    private static final class Writes {
        volatile boolean registered;
        volatile String renamedTo;
        volatile boolean designated;
    }

    private final Map<String, Writes> written = new ConcurrentHashMap<>();
    private Writers writers;

    @AfterEach
    void registryBack() {
        if (writers != null) {
            writers.close();
        }
        StackHealth.awaitRecovered();
    }

    @Test
    void afterACrashEveryChangeHasItsEventAndEveryEventItsChange() throws Exception {
        writers = Writers.start(WRITERS, this::registerRenameDesignate);
        writers.awaitAcknowledged(BEFORE_KILL);
        QuarkusService registry = Platform.stack().app(Stack.App.REGISTRY);
        registry.kill();
        writers.faultBegins();
        writers.awaitEachFailed();
        writers.close();
        registry.start(Platform.stack().layout());

        Map<String, Long> versions = registryVersions();
        for (Map.Entry<String, Writes> vessel : written.entrySet()) {
            String imo = vessel.getKey();
            Writes writes = vessel.getValue();
            if (writes.registered) {
                assertTrue(versions.containsKey(imo), "acknowledged registration of " + imo + " lost");
            }
            if (writes.renamedTo != null) {
                assertEquals(List.of(writes.renamedTo), registry("SELECT name FROM vessel WHERE imo = '" + imo + "'"),
                        "acknowledged rename of " + imo);
            }
            if (writes.designated) {
                assertEquals(List.of("1"), registry("SELECT count(*) FROM designation WHERE imo = '" + imo + "'"),
                        "acknowledged designation of " + imo);
            }
        }

        Map<String, JsonNode> latest = Fleet.eventually(this::latestEvents,
                events -> versions.entrySet().stream().allMatch(v -> events.containsKey(v.getKey())
                        && events.get(v.getKey()).get("version").asLong() == v.getValue()));
        for (Map.Entry<String, Long> vessel : versions.entrySet()) {
            String imo = vessel.getKey();
            JsonNode event = latest.get(imo);
            assertTrue(event != null, "vessel " + imo + " (version " + vessel.getValue() + ") has no event");
            assertEquals(vessel.getValue(), event.get("version").asLong(), "latest event version of " + imo);
            assertEquals(registry("SELECT name FROM vessel WHERE imo = '" + imo + "'").get(0),
                    event.get("name").asText(), "name in the latest event of " + imo);
            assertEquals(!registry("SELECT 1 FROM designation WHERE imo = '" + imo + "'").isEmpty(),
                    event.get("designated").asBoolean(), "designation in the latest event of " + imo);
        }
        for (ConsumerRecord<String, String> record : Topics.all(STATUS_TOPIC)) {
            if (written.containsKey(record.key())) {
                long version = JSON.readTree(record.value()).get("version").asLong();
                assertTrue(versions.containsKey(record.key()), "an event for " + record.key()
                        + ", which the registry does not have (a rolled-back change)");
                assertTrue(version <= versions.get(record.key()), "an event of " + record.key() + " at version "
                        + version + ", newer than the registry's " + versions.get(record.key()));
            }
        }
    }

    /** One client's round: registers a vessel, renames it and designates it, noting what was acknowledged. */
    private void registerRenameDesignate(int writer, Writers writers) {
        String imo = Fleet.newImo();
        Writes writes = new Writes();
        written.put(imo, writes);
        String name = "CRASH TANKER " + writer + "-" + imo;
        writes.registered = writers.noted(writer, Fleet.register(imo, name).statusCode());
        if (!writes.registered || !writers.writing()) {
            return;
        }
        String renamed = name + " II";
        if (writers.noted(writer, Platform.as("kor-ministry").contentType(ContentType.JSON)
                .body(Map.of("name", renamed)).patch("/api/registry/vessels/" + imo).statusCode())) {
            writes.renamedTo = renamed;
        }
        if (writers.writing()) {
            writes.designated = writers.noted(writer, Fleet.designation(imo, "KPe.KILL-" + imo).statusCode());
        }
    }

    /** The registry's version of each of the test's vessels it has. */
    private Map<String, Long> registryVersions() {
        String imos = written.keySet().stream().map(imo -> "'" + imo + "'").collect(Collectors.joining(","));
        Map<String, Long> versions = new HashMap<>();
        for (String row : registry("SELECT imo || ' ' || version FROM vessel WHERE imo IN (" + imos + ")")) {
            String[] parts = row.split(" ");
            versions.put(parts[0], Long.parseLong(parts[1]));
        }
        return versions;
    }

    /** The newest status event on the topic of each of the test's vessels. */
    private Map<String, JsonNode> latestEvents() {
        Map<String, JsonNode> latest = new HashMap<>();
        for (ConsumerRecord<String, String> record : Topics.all(STATUS_TOPIC)) {
            if (written.containsKey(record.key())) {
                try {
                    JsonNode event = JSON.readTree(record.value());
                    JsonNode known = latest.get(record.key());
                    if (known == null || known.get("version").asLong() < event.get("version").asLong()) {
                        latest.put(record.key(), event);
                    }
                } catch (Exception e) {
                    throw new AssertionError("An unreadable event on " + STATUS_TOPIC + ": " + record.value(), e);
                }
            }
        }
        return latest;
    }

    private static List<String> registry(String sql) {
        return Databases.column(Stack.App.REGISTRY, sql);
    }
}
