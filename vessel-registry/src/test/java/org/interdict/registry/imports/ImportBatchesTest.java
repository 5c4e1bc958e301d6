package org.interdict.registry.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.interdict.registry.RegistryConfig;
import org.interdict.registry.events.RegistryEvents;
import org.interdict.registry.support.Imos;
import org.interdict.registry.support.Registry;
import org.interdict.registry.support.TopicReader;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** A list longer than one import batch: what one batch does must still hold across the cuts between them. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
class ImportBatchesTest {

    private static final String UN = "/api/registry/imports/un-1718-vessels";
    private static final String HEADER = "Vessel Name,IMO Number,Flag,Date of Designation\n";

    @Inject
    RegistryConfig config;

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void appliesAListOverSeveralBatchesOnceWithEveryEventInOrder() {
        int batch = config.importing().batchSize();
        // The vessel listed twice ends the first batch under one name and comes back in the second under another;
        // the rejected entry sits between them. Three batches in all: 2 x batch + 1 accepted entries.
        String twice = Imos.next();
        String wrong = Imos.withWrongCheckDigit(Imos.next());
        List<String> others = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 2 * batch - 1; i++) {
            if (i == batch - 1) {
                csv.append(entry("FIRST NAME", twice)).append(entry("NOT A NUMBER", wrong));
            } else if (i == batch + 1) {
                csv.append(entry("SECOND NAME", twice));
            }
            String imo = Imos.next();
            others.add(imo);
            csv.append(entry("BATCHED " + i, imo));
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        given().contentType("text/csv").body(file).when().post(UN)
                .then().statusCode(200)
                .body("created", equalTo(2 * batch)).body("updated", equalTo(1)).body("unchanged", equalTo(0))
                .body("rejected", hasSize(1))
                .body("rejected[0].entry", containsString("NOT A NUMBER"))
                .body("rejected[0].reason", containsString("check digit"));
        long version = Registry.version(twice);

        given().contentType("text/csv").body(file).when().post(UN)
                .then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2 * batch + 1))
                .body("rejected", hasSize(1));
        assertEquals(version, Registry.version(twice), "the second import changes nothing and emits nothing");

        List<ConsumerRecord<String, String>> statuses = TopicReader.awaitKey(RegistryEvents.VESSEL_STATUS_TOPIC,
                twice, seen -> seen.size() >= 2);
        assertEquals(2, statuses.size(), "one status per change");
        JsonNode first = TopicReader.json(statuses.get(0));
        JsonNode second = TopicReader.json(statuses.get(1));
        assertEquals("FIRST NAME", first.get("name").asText());
        assertEquals("SECOND NAME", second.get("name").asText());
        assertEquals("FIRST NAME", second.get("pastNames").get(0).get("name").asText());
        assertTrue(second.get("version").asLong() > first.get("version").asLong(), "versions grow in order");
        assertEquals(version, second.get("version").asLong());

        Set<String> listed = new HashSet<>(others);
        List<ConsumerRecord<String, String>> designated = TopicReader.await(RegistryEvents.DESIGNATIONS_TOPIC,
                record -> listed.contains(record.key()) || twice.equals(record.key()),
                seen -> seen.size() >= others.size() + 1);
        assertEquals(others.size() + 1, designated.size(), "one designation per vessel, the twice-listed one too");
        List<ConsumerRecord<String, String>> everyStatus = TopicReader.await(RegistryEvents.VESSEL_STATUS_TOPIC,
                record -> listed.contains(record.key()), seen -> seen.size() >= others.size());
        assertEquals(listed, new HashSet<>(everyStatus.stream().map(ConsumerRecord::key).toList()),
                "every vessel of every batch has its status");
    }

    private static String entry(String name, String imo) {
        return name + "," + imo + ",Democratic People's Republic of Korea,28-Dec-17\n";
    }
}
