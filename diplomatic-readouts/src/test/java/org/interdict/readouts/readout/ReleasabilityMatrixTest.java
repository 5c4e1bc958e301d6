package org.interdict.readouts.readout;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.interdict.readouts.readout.MatrixFixtures.Fixture;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * Every development user against readouts released to various sets of nations: read, list, acknowledge, deliveries,
 * and who sees the releasability list. The expectations are one table, {@link #MATRIX}; each test method is one
 * user's token run against its row.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_readouts"))
class ReleasabilityMatrixTest {

    /** What one user may do with one readout: statuses of read, acknowledge and deliveries; listed in its inbox. */
    record Access(int read, boolean listed, int acknowledge, int deliveries) {
    }

    /** Released to the user's nation. */
    static final Access RECIPIENT = new Access(200, true, 200, 404);
    /** Written by the user's nation (or the user is an admin), not released to it: seen, not received. */
    static final Access OVERSEER = new Access(200, false, 409, 200);
    /** Both. */
    static final Access RECIPIENT_OVERSEER = new Access(200, true, 200, 200);
    /** Need to know says no: the readout does not exist for this user. */
    static final Access NONE = new Access(404, false, 404, 404);

    static final Map<String, Map<Fixture, Access>> MATRIX = Map.of(
            "admin", Map.of(Fixture.SUMMIT, RECIPIENT_OVERSEER, Fixture.KOREA_ONLY, OVERSEER,
                    Fixture.PARTNERS, OVERSEER, Fixture.JAPAN_PAIR, RECIPIENT_OVERSEER),
            "can-ministry", Map.of(Fixture.SUMMIT, RECIPIENT, Fixture.KOREA_ONLY, NONE,
                    Fixture.PARTNERS, NONE, Fixture.JAPAN_PAIR, OVERSEER),
            "usa-ministry", Map.of(Fixture.SUMMIT, RECIPIENT, Fixture.KOREA_ONLY, OVERSEER,
                    Fixture.PARTNERS, NONE, Fixture.JAPAN_PAIR, RECIPIENT),
            "kor-ministry", Map.of(Fixture.SUMMIT, RECIPIENT_OVERSEER, Fixture.KOREA_ONLY, RECIPIENT,
                    Fixture.PARTNERS, NONE, Fixture.JAPAN_PAIR, NONE),
            "jpn-ministry", Map.of(Fixture.SUMMIT, RECIPIENT, Fixture.KOREA_ONLY, NONE,
                    Fixture.PARTNERS, NONE, Fixture.JAPAN_PAIR, RECIPIENT),
            "gbr-ministry", Map.of(Fixture.SUMMIT, RECIPIENT, Fixture.KOREA_ONLY, NONE,
                    Fixture.PARTNERS, OVERSEER, Fixture.JAPAN_PAIR, NONE),
            "chn-ministry", Map.of(Fixture.SUMMIT, RECIPIENT, Fixture.KOREA_ONLY, NONE,
                    Fixture.PARTNERS, RECIPIENT, Fixture.JAPAN_PAIR, NONE),
            "rus-ministry", Map.of(Fixture.SUMMIT, RECIPIENT, Fixture.KOREA_ONLY, NONE,
                    Fixture.PARTNERS, RECIPIENT, Fixture.JAPAN_PAIR, NONE));

    @Inject
    MatrixFixtures fixtures;

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void asAdmin() {
        check("admin");
    }

    @Test
    @TestSecurity(user = "can-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "CAN"))
    void asCanada() {
        check("can-ministry");
    }

    @Test
    @TestSecurity(user = "usa-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "USA"))
    void asUnitedStates() {
        check("usa-ministry");
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void asKorea() {
        check("kor-ministry");
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void asJapan() {
        check("jpn-ministry");
    }

    @Test
    @TestSecurity(user = "gbr-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "GBR"))
    void asUnitedKingdom() {
        check("gbr-ministry");
    }

    @Test
    @TestSecurity(user = "chn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "CHN"))
    void asChina() {
        check("chn-ministry");
    }

    @Test
    @TestSecurity(user = "rus-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "RUS"))
    void asRussia() {
        check("rus-ministry");
    }

    private void check(String user) {
        Map<Fixture, UUID> ids = fixtures.ids();
        Set<UUID> listed = inbox();
        MATRIX.get(user).forEach((fixture, access) -> {
            UUID id = ids.get(fixture);
            String cell = user + " / " + fixture + ": ";
            assertEquals(access.read(), given().get("/api/readouts/{id}", id).statusCode(), cell + "read");
            assertEquals(access.listed(), listed.contains(id), cell + "listed");
            assertEquals(access.acknowledge(), given().post("/api/readouts/{id}/acknowledgements", id).statusCode(),
                    cell + "acknowledge");
            var deliveries = given().get("/api/readouts/{id}/deliveries", id);
            assertEquals(access.deliveries(), deliveries.statusCode(), cell + "deliveries");
            List<String> sorted = fixture.releasableTo.stream().sorted().toList();
            if (access.deliveries() == 200) {
                assertEquals(sorted, deliveries.jsonPath().getList("items.nation", String.class), cell + "deliveries");
            }
            if (access.read() == 200) {
                // only those who see the deliveries see the whole releasability list
                assertEquals(access.deliveries() == 200 ? sorted : null, given().get("/api/readouts/{id}", id)
                        .jsonPath().get("releasableTo"), cell + "releasableTo");
            }
        });
    }

    /** Every readout id in the caller's inbox, following the cursor to the end. */
    private static Set<UUID> inbox() {
        Set<UUID> listed = new HashSet<>();
        String cursor = "";
        do {
            var page = given().queryParam("limit", 1000).queryParam("addedAfter", cursor)
                    .get("/api/readouts/inbox").then().statusCode(200).extract().jsonPath();
            page.getList("items.readout.id", String.class).forEach(id -> listed.add(UUID.fromString(id)));
            cursor = page.getString("next");
        } while (cursor != null);
        return listed;
    }
}
