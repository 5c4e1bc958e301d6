package org.interdict.readouts.readout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.interdict.commons.membership.Membership;
import org.interdict.readouts.support.Nations;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_readouts"))
class PublishReadoutTest {

    @Inject
    Membership membership;

    @Inject
    ReadoutService service;

    @BeforeEach
    void coalition() {
        Nations.seed(membership);
    }

    private static Map<String, Object> readout(Object releasableTo) {
        return Map.of("title", "Summit readout", "meetingDate", "2026-11-02", "body", "The parties agreed.",
                "tlp", "AMBER+STRICT", "releasableTo", releasableTo);
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "JPN"), @Claim(key = "preferred_username", value = "jpn-ministry")})
    void publishesWithTheAuthorFromTheTokenAndOneDeliveryPerNation() {
        String id = given().contentType(ContentType.JSON).body(readout(List.of("KOR", "CHN", "KOR", "JPN")))
                .post("/api/readouts")
                .then().statusCode(201)
                .header("Location", containsString("/api/readouts/"))
                .body("authorNation", equalTo("JPN"))
                .body("author", equalTo("jpn-ministry"))
                .body("tlp", equalTo("AMBER+STRICT"))
                .body("releasableTo", equalTo(List.of("CHN", "JPN", "KOR")))
                .extract().path("id");
        given().get("/api/readouts/{id}/deliveries", id)
                .then().statusCode(200)
                .body("items.nation", equalTo(List.of("CHN", "JPN", "KOR")))
                .body("items.status", everyItem(equalTo("PENDING")))
                .body("next", nullValue());
        given().get("/api/readouts/{id}", id).then().statusCode(200).body("body", equalTo("The parties agreed."));
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void refusesInvalidReadoutsNamingTheField() {
        given().contentType(ContentType.JSON).body(readout(List.of("KOR", "XXX")))
                .post("/api/readouts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("releasableTo[1]"));
        given().contentType(ContentType.JSON).body(readout(List.of("kor")))
                .post("/api/readouts").then().statusCode(400).body("errors[0].field", equalTo("releasableTo[0]"));
        given().contentType(ContentType.JSON).body(readout(List.of()))
                .post("/api/readouts").then().statusCode(400).body("errors[0].field", equalTo("releasableTo"));
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "meetingDate", "2026-11-02", "body", "b",
                        "tlp", "AMBER STRICT", "releasableTo", List.of("KOR")))
                .post("/api/readouts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("tlp"));
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "meetingDate", "2026-13-45", "body", "b",
                        "tlp", "RED", "releasableTo", List.of("KOR")))
                .post("/api/readouts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("meetingDate"));
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "meetingDate",
                        LocalDate.now().plusYears(1).toString(), "body", "b", "tlp", "RED", "releasableTo", List.of("KOR")))
                .post("/api/readouts").then().statusCode(400).body("errors[0].field", equalTo("meetingDate"));
        given().contentType(ContentType.JSON).body(Map.of("title", "x".repeat(201), "meetingDate", "2026-11-02",
                        "body", "b".repeat(PublishReadout.MAX_BODY + 1), "tlp", "RED", "releasableTo", List.of("KOR")))
                .post("/api/readouts").then().statusCode(400)
                .body("errors.field", equalTo(List.of("body", "title")));
        given().contentType(ContentType.JSON).body("{\"title\": ")
                .post("/api/readouts").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("title", "x", "meetingDate", "2026-11-02", "body", "b",
                        "tlp", "RED", "releasableTo", List.of("KOR"), "supersedes", UUID.randomUUID().toString()))
                .post("/api/readouts").then().statusCode(400).body("errors[0].field", equalTo("supersedes"));
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void correctionNamesTheOneItSupersedesAndTheOldOneLinksToIt() {
        Readout original = service.publish(new Author("KOR", "kor-ministry", false), new PublishReadout("Original",
                LocalDate.of(2026, 11, 2), "First text", Tlp.GREEN, List.of("JPN", "CHN"), null));
        Readout hidden = service.publish(new Author("KOR", "kor-ministry", false), new PublishReadout("For China only",
                LocalDate.of(2026, 11, 2), "Second text", Tlp.GREEN, List.of("CHN"), original.id));
        String correction = given().contentType(ContentType.JSON).body(Map.of("title", "Corrected",
                        "meetingDate", "2026-11-02", "body", "Corrected text", "tlp", "GREEN",
                        "releasableTo", List.of("KOR", "CHN"), "supersedes", original.id.toString()))
                .post("/api/readouts").then().statusCode(201)
                .body("supersedes", equalTo(original.id.toString())).extract().path("id");
        // Japan sees its own correction as a successor, but not China's, which it has no need to know of
        given().get("/api/readouts/{id}", original.id).then().statusCode(200)
                .body("supersededBy", equalTo(List.of(correction)))
                .body("supersededBy", not(hasItem(hidden.id.toString())));
    }

    @Test
    @TestSecurity(user = "fra-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "FRA"))
    void listsTheReadoutsItsNationWroteNewestFirst() {
        Author france = new Author("FRA", "fra-ministry", false);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(0, service.publish(france, new PublishReadout("French " + i, LocalDate.of(2026, 11, 2),
                    "Text", Tlp.GREEN, List.of("GBR"), null)).id.toString());
        }
        service.publish(new Author("KOR", "kor-ministry", false), new PublishReadout("To France",
                LocalDate.of(2026, 11, 2), "Text", Tlp.GREEN, List.of("FRA"), null));
        var first = given().queryParam("limit", 2).get("/api/readouts").then().statusCode(200)
                .body("items.releasableTo", everyItem(equalTo(List.of("GBR")))).extract().jsonPath();
        String next = first.getString("next");
        List<String> listed = new ArrayList<>(first.getList("items.id", String.class));
        given().queryParam("limit", 2).queryParam("after", next).get("/api/readouts").then().statusCode(200)
                .body("next", nullValue()).extract().jsonPath().getList("items.id", String.class).forEach(listed::add);
        assertEquals(written, listed);
        given().queryParam("after", "nonsense").get("/api/readouts").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void aPublishedReadoutCannotBeChanged() {
        Readout readout = service.publish(new Author("JPN", "jpn-ministry", false), new PublishReadout("Fixed",
                LocalDate.of(2026, 11, 2), "Text", Tlp.RED, List.of("KOR"), null));
        given().contentType(ContentType.JSON).body(readout(List.of("KOR")))
                .put("/api/readouts/{id}", readout.id).then().statusCode(405);
        given().delete("/api/readouts/{id}", readout.id).then().statusCode(405);
    }

    @Test
    @TestSecurity(user = "chn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "CHN"))
    void aNonMemberMayReceiveButNotPublishNorRegisterWebhooks() {
        given().contentType(ContentType.JSON).body(readout(List.of("RUS")))
                .post("/api/readouts").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("url", "https://ministry.example/hook"))
                .post("/api/readouts/webhooks").then().statusCode(403);
        given().get("/api/readouts/inbox").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "phl-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "PHL"))
    void aSuspendedNationIsRefusedEverything() {
        Readout released = service.publish(new Author("JPN", "jpn-ministry", false), new PublishReadout("For Manila",
                LocalDate.of(2026, 11, 2), "Text", Tlp.GREEN, List.of("PHL"), null));
        given().contentType(ContentType.JSON).body(readout(List.of("KOR"))).post("/api/readouts")
                .then().statusCode(403);
        given().get("/api/readouts/inbox").then().statusCode(403);
        given().get("/api/readouts/{id}", released.id).then().statusCode(403);
        given().post("/api/readouts/{id}/acknowledgements", released.id).then().statusCode(403);
        given().get("/api/readouts/webhooks").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "busan-officer", roles = "port-officer")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "KOR"), @Claim(key = "port", value = "KRPUS")})
    void aPortOfficerHasNoReadouts() {
        given().get("/api/readouts/inbox").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(readout(List.of("KOR"))).post("/api/readouts")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "kor-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "KOR"))
    void countsPublishedReadoutsAndPendingDeliveriesAndDocumentsEveryPath() {
        service.publish(new Author("KOR", "kor-ministry", false), new PublishReadout("Counted",
                LocalDate.of(2026, 11, 2), "Text", Tlp.CLEAR, List.of("GBR"), null));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("readouts_published_total{kind=\"readout\"}"))
                .body(containsString("readouts_deliveries_pending"));
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/readouts/inbox"))
                .body(containsString("/api/readouts/stream"))
                .body(containsString("/api/readouts/webhooks"))
                .body(containsString("/api/readouts/{id}/deliveries/{nation}/attempts"));
    }
}
