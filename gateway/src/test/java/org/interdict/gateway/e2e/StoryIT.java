package org.interdict.gateway.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The coalition's campaign told through the public API (issue 9): the UN list imported, a Hong Kong-flagged tanker
 * seized by Korea, nominated, endorsed and listed by the coalition, refused at Vancouver; a ship from Nampo
 * inspected at Busan; the Vancouver summit's readout delivered and acknowledged; need-to-know kept; and every member
 * told of the designation.
 */
class StoryIT {

    /** LIGHTHOUSE WINMORE, the Hong Kong-flagged tanker Korea seized in 2017 for a transfer of oil to the DPRK. */
    private static final String TANKER = "9461374";
    private static final List<String> MEMBER_MINISTRIES = List.of("can-ministry", "usa-ministry", "kor-ministry",
            "jpn-ministry", "gbr-ministry");

    @Test
    void theCampaignEndToEnd() throws IOException {
        // An admin imports the UN Security Council 1718 Committee's list.
        String unList = Files.readString(sharedData("un-1718-vessels-sample.csv"));
        Platform.as("admin").contentType("text/csv").body(unList)
                .post("/api/registry/imports/un-1718-vessels")
                .then().statusCode(200).body("created", greaterThanOrEqualTo(1));

        // South Korea registers the tanker and reports its seizure and a ship-to-ship transfer.
        Platform.as("kor-ministry").contentType(ContentType.JSON).body(Map.of(
                "imo", TANKER, "name", "LIGHTHOUSE WINMORE", "flag", "HKG", "type", "Oil tanker", "buildYear", 2009))
                .post("/api/registry/vessels").then().statusCode(201);
        Instant seized = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Platform.as("kor-ministry").contentType(ContentType.JSON).body(Map.of("imo", TANKER, "type", "SEIZURE",
                "occurredAt", seized.toString(), "location", "Yeosu, KRYOS", "description", "Seized in port"))
                .post("/api/registry/incidents").then().statusCode(201);
        Platform.as("kor-ministry").contentType(ContentType.JSON).body(Map.of("imo", TANKER,
                "type", "SHIP_TO_SHIP_TRANSFER", "occurredAt", seized.minus(60, ChronoUnit.DAYS).toString(),
                "location", "East China Sea", "description", "Refined oil transferred to a DPRK-flagged vessel"))
                .post("/api/registry/incidents").then().statusCode(201);

        // Korea nominates it, Canada and the United States endorse, the admin approves.
        String nomination = Platform.as("kor-ministry").contentType(ContentType.JSON)
                .body(Map.of("imo", TANKER, "evidence", "Seizure at Yeosu; transfer of refined oil at sea"))
                .post("/api/registry/nominations").then().statusCode(201).extract().path("id");
        for (String endorser : List.of("can-ministry", "usa-ministry")) {
            Platform.as(endorser).contentType(ContentType.JSON).body(Map.of("comment", "Endorsed"))
                    .post("/api/registry/nominations/" + nomination + "/endorsements").then().statusCode(201);
        }
        Platform.as("admin").contentType(ContentType.JSON).body(Map.of("basis", "Coalition listing"))
                .post("/api/registry/nominations/" + nomination + "/approval").then().statusCode(200);
        Platform.as("jpn-ministry").get("/api/registry/vessels/" + TANKER)
                .then().statusCode(200).body("designations.authority", hasItem("COALITION"));

        // Vancouver refuses the tanker, naming the coalition's designation.
        JsonPath vancouver = Eventually.until(() -> Platform.as("vancouver-officer").contentType(ContentType.JSON)
                .body(notice(TANKER, "LIGHTHOUSE WINMORE", "HKG", "CAVAN", List.of()))
                .post("/api/clearance/requests").then().statusCode(201).extract().jsonPath(),
                decision -> "DENY".equals(decision.getString("decision")));
        assertTrue(vancouver.getList("reasons.detail", String.class).stream().anyMatch(d -> d.contains("COALITION")),
                vancouver.prettify());

        // Busan inspects a vessel whose last port was Nampo.
        Platform.as("busan-officer").contentType(ContentType.JSON)
                .body(notice("9074729", "PACIFIC TRADER", "PAN", "KRPUS",
                        List.of(Map.of("port", "KPNAM", "departed", Instant.now().minus(9, ChronoUnit.DAYS).toString()))))
                .post("/api/clearance/requests")
                .then().statusCode(201)
                .body("decision", equalTo("INSPECT"))
                .body("reasons.code", hasItem("DPRK_PORT_CALL"));

        // Canada publishes the Vancouver summit's readout to the participants and to China and Russia.
        String summit = Platform.as("can-ministry").contentType(ContentType.JSON).body(Map.of(
                "title", "Vancouver summit on maritime sanctions enforcement", "meetingDate", LocalDate.now().toString(),
                "body", "Partners agreed to deny port entry to vessels designated by the coalition.", "tlp", "GREEN",
                "releasableTo", List.of("CAN", "USA", "KOR", "JPN", "GBR", "FRA", "IND", "CHN", "RUS")))
                .post("/api/readouts").then().statusCode(201).extract().path("id");
        Platform.as("chn-ministry").get("/api/readouts/inbox?limit=1000")
                .then().statusCode(200).body("items.readout.id", hasItem(summit));
        Platform.as("jpn-ministry").post("/api/readouts/" + summit + "/acknowledgements").then().statusCode(200);
        Platform.as("can-ministry").get("/api/readouts/" + summit + "/deliveries")
                .then().statusCode(200)
                .body("items.find { it.nation == 'JPN' }.status", equalTo("ACKNOWLEDGED"))
                .body("items.nation", hasItem("RUS"));

        // A readout released to Korea alone stays invisible to Japan.
        String koreaOnly = Platform.as("can-ministry").contentType(ContentType.JSON).body(Map.of(
                "title", "Bilateral note", "meetingDate", LocalDate.now().toString(), "body", "For Korea only.",
                "tlp", "AMBER", "releasableTo", List.of("KOR")))
                .post("/api/readouts").then().statusCode(201).extract().path("id");
        Platform.as("jpn-ministry").get("/api/readouts/" + koreaOnly).then().statusCode(404);
        Platform.as("jpn-ministry").get("/api/readouts/inbox?limit=1000")
                .then().statusCode(200).body("items.readout.id", not(hasItem(koreaOnly)));
        Platform.as("kor-ministry").get("/api/readouts/" + koreaOnly).then().statusCode(200);

        // Every member's inbox holds the notice of the tanker's designation; the non-members' do not.
        for (String ministry : MEMBER_MINISTRIES) {
            JsonPath inbox = Eventually.until(() -> Platform.as(ministry).get("/api/readouts/inbox?limit=1000")
                    .then().statusCode(200).extract().jsonPath(), page -> mentionsTanker(page));
            assertTrue(mentionsTanker(inbox), ministry);
        }
        for (String partner : List.of("chn-ministry", "rus-ministry")) {
            assertEquals(false, mentionsTanker(Platform.as(partner).get("/api/readouts/inbox?limit=1000")
                    .then().statusCode(200).extract().jsonPath()), partner);
        }
        Platform.as("rus-ministry").get("/api/registry/vessels/" + TANKER).then().statusCode(403);
        Platform.as("vancouver-officer").get("/api/readouts/inbox").then().statusCode(403);
        Platform.as("chn-ministry").get("/api/readouts/" + summit).then().statusCode(200)
                .body("title", containsString("Vancouver"));
    }

    private static boolean mentionsTanker(JsonPath inbox) {
        List<String> texts = inbox.getList("items.readout.body", String.class);
        return texts != null && texts.stream().anyMatch(body -> body != null && body.contains(TANKER));
    }

    private static Map<String, Object> notice(String imo, String name, String flag, String port,
            List<Map<String, String>> lastPorts) {
        return Map.of("imo", imo, "name", name, "flag", flag, "port", port,
                "eta", Instant.now().plus(2, ChronoUnit.DAYS).toString(), "lastPortsOfCall", lastPorts);
    }

    /** The sample lists in their published formats, as the registry's tests keep them. */
    private static Path sharedData(String file) {
        return Platform.stack().layout().root().resolve("vessel-registry/src/test/resources").resolve(file);
    }
}
