package org.interdict.registry.vessel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.interdict.registry.support.Imos;
import org.interdict.registry.support.Registry;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_registry"))
@TestSecurity(user = "can-ministry", roles = "ministry")
@OidcSecurity(claims = @Claim(key = "nation", value = "CAN"))
class VesselSearchTest {

    @Test
    void ignoresCaseSpacingAndPunctuation() {
        String imo = Registry.vessel("SAEK BYOL-SONG No. 7", "PRK");
        given().queryParam("q", "saekbyolsongno7").when().get("/api/registry/vessels")
                .then().statusCode(200)
                .body("items.imo", hasItem(imo))
                .body("items.find { it.imo == '" + imo + "' }.matchedName", equalTo("SAEK BYOL-SONG No. 7"));
    }

    @Test
    void findsAVesselWithAOneLetterTypo() {
        String imo = Registry.vessel("KUM UN SAN 3", "PRK");
        given().queryParam("q", "KUM UN SEN 3").when().get("/api/registry/vessels")
                .then().statusCode(200).body("items.imo", hasItem(imo));
        given().queryParam("q", "kumunsn3").when().get("/api/registry/vessels")
                .then().statusCode(200).body("items.imo", hasItem(imo));
    }

    @Test
    void findsAVesselByAPastName() {
        String imo = Registry.vessel("TONG HUNG SAN", "PRK");
        given().contentType(ContentType.JSON).body(Map.of("name", "NEW CONQUEST"))
                .when().patch("/api/registry/vessels/" + imo).then().statusCode(200);
        given().queryParam("q", "Tong Hung-San").when().get("/api/registry/vessels")
                .then().statusCode(200)
                .body("items.imo", hasItem(imo))
                .body("items.find { it.imo == '" + imo + "' }.name", equalTo("NEW CONQUEST"));
    }

    @Test
    void findsANameInsideALongerOne() {
        String imo = Registry.vessel("GREAT SHIP OSTRAVAKLIMENTA", "TGO");
        given().queryParam("q", "ostravaklimenta").when().get("/api/registry/vessels")
                .then().statusCode(200).body("items.imo", hasItem(imo));
    }

    @Test
    void filtersByImoMmsiFlagAndDesignation() {
        String imo = Imos.next();
        given().contentType(ContentType.JSON)
                .body(Map.of("imo", imo, "name", "FILTERED ONE", "flag", "TUV", "mmsi", "572123987"))
                .when().post("/api/registry/vessels").then().statusCode(201);

        given().queryParam("imo", "IMO " + imo).when().get("/api/registry/vessels")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].imo", equalTo(imo));
        given().queryParam("mmsi", "572123987").when().get("/api/registry/vessels")
                .then().statusCode(200).body("items.imo", hasItem(imo));
        given().queryParam("flag", "tuv").queryParam("limit", 1000).when().get("/api/registry/vessels")
                .then().statusCode(200).body("items.imo", hasItem(imo)).body("items.flag", everyItem(equalTo("TUV")));
        given().queryParam("flag", "TUV").queryParam("designated", true).when().get("/api/registry/vessels")
                .then().statusCode(200).body("items.imo", not(hasItem(imo)));
        given().queryParam("flag", "TUV").queryParam("designated", false).queryParam("q", "filtered one")
                .when().get("/api/registry/vessels")
                .then().statusCode(200).body("items.imo", hasItem(imo));
    }

    @Test
    void pagesThroughResultsWithAnOpaqueCursor() {
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            registered.add(Registry.vessel("PAGINATED QWERTY " + i, "BLZ"));
        }
        for (String q : new String[] {"paginated qwerty", null}) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = given().queryParam("limit", 2).queryParam("flag", "BLZ");
                if (q != null) {
                    request.queryParam("q", q);
                }
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.when().get("/api/registry/vessels").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.imo", String.class));
                cursor = page.getString("next");
                pages++;
            } while (cursor != null && pages < 100);
            assertTrue(seen.containsAll(registered), "every vessel on some page: " + seen);
            assertEquals(seen.size(), seen.stream().distinct().count(), "no vessel twice: " + seen);
        }
    }

    /**
     * Scores against "quorvalint" (the greater of similarity and word similarity) run from 1 down to 0.33. Pages of
     * every size list every match once, best first, ties in IMO order; names under both thresholds stay out
     * (KUORVALIMT: word similarity 0.45, similarity 0.29).
     */
    @Test
    void ranksEveryMatchBestFirstOnPagesOfEverySize() {
        List<String> matching = List.of("QUORVALINT", "QUORVALINT TRADER", "QUORVALIN", "QUORVA LINE", "QUORVAX",
                "QUORV", "QUROVALINTS", "VALINT QUO", "QORVALNT");
        for (String name : matching) {
            Registry.vessel(name, "NRU");
        }
        for (String name : List.of("KUORVALIMT", "VALINTIA", "QUARVELINT")) {
            Registry.vessel(name, "NRU");
        }
        for (int limit : new int[] {50, 4, 2, 1}) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = given().queryParam("q", "quorvalint").queryParam("flag", "NRU").queryParam("limit", limit);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.when().get("/api/registry/vessels").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.matchedName", String.class));
                cursor = page.getString("next");
                pages++;
            } while (cursor != null && pages < 100);
            assertEquals(matching, seen, "pages of " + limit);
        }
    }

    @Test
    void refusesBadParametersNamingThem() {
        given().queryParam("limit", 1001).when().get("/api/registry/vessels")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "not-a-cursor").when().get("/api/registry/vessels")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("q", "--").when().get("/api/registry/vessels")
                .then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().queryParam("flag", "XX").when().get("/api/registry/vessels")
                .then().statusCode(400).body("errors[0].field", equalTo("flag"));
        given().when().get("/api/registry/vessels?limit=1").then().statusCode(200).body("next", not(nullValue()));
    }

    /**
     * A search sees every name committed before it began, whichever registry instance wrote it: here names written
     * straight to the database, the first by a transaction that stays open while a later one commits and a search
     * reads the later one's name. The first's name is found once it commits, though the index had already read a
     * newer transaction's.
     */
    @Test
    void findsNamesOthersCommitOnceTheirTransactionsEnd() throws SQLException {
        String late = Imos.next();
        String early = Imos.next();
        try (Connection slow = connection()) {
            slow.setAutoCommit(false);
            insert(slow, late, "VYXQEL LATECOMER");
            try (Connection quick = connection()) {
                insert(quick, early, "VYXQEL EARLYBIRD");
            }
            given().queryParam("q", "vyxqel").when().get("/api/registry/vessels")
                    .then().statusCode(200).body("items.imo", hasItem(early)).body("items.imo", not(hasItem(late)));
            slow.commit();
        }
        given().queryParam("q", "vyxqel").when().get("/api/registry/vessels")
                .then().statusCode(200).body("items.imo", hasItem(early)).body("items.imo", hasItem(late))
                .body("items.find { it.imo == '" + late + "' }.matchedName", equalTo("VYXQEL LATECOMER"));
    }

    private static Connection connection() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static void insert(Connection connection, String imo, String name) throws SQLException {
        try (PreparedStatement vessel = connection.prepareStatement(
                "INSERT INTO vessel (imo, name, version, created_at, updated_at) VALUES (?, ?, 0, now(), now())");
                PreparedStatement known = connection.prepareStatement(
                        "INSERT INTO vessel_name (id, imo, name, normalized) VALUES (gen_random_uuid(), ?, ?, ?)")) {
            vessel.setString(1, imo);
            vessel.setString(2, name);
            vessel.executeUpdate();
            known.setString(1, imo);
            known.setString(2, name);
            known.setString(3, name.toLowerCase().replace(" ", ""));
            known.executeUpdate();
        }
    }
}
