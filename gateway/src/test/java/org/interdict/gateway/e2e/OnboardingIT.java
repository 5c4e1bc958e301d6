package org.interdict.gateway.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Issue 7 end to end: a nation joins, its people are onboarded through the platform and act the same day. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnboardingIT {

    private static final String GREEK_VESSEL = "9412103";
    private static final String NOMINATED_VESSEL = "9507336";

    @Test
    @Order(1)
    void anAdminAddsGreeceAndItsPeople() {
        Platform.as("admin").contentType(ContentType.JSON)
                .body("{\"code\":\"GRC\",\"name\":\"Greece\",\"member\":true}")
                .post("/api/admin/nations")
                .then().statusCode(201).body("member", equalTo(true));
        Platform.as("admin").contentType(ContentType.JSON)
                .body("{\"username\":\"grc-ministry\",\"nation\":\"GRC\",\"role\":\"ministry\","
                        + "\"password\":\"grc-ministry-pass\",\"temporaryPassword\":false}")
                .post("/api/admin/users")
                .then().statusCode(201)
                .body("username", equalTo("grc-ministry"))
                .body("password", equalTo(null));
        Platform.as("admin").contentType(ContentType.JSON)
                .body("{\"username\":\"piraeus-officer\",\"nation\":\"GRC\",\"role\":\"port-officer\",\"port\":\"GRPIR\","
                        + "\"password\":\"piraeus-officer-pass\",\"temporaryPassword\":false}")
                .post("/api/admin/users")
                .then().statusCode(201).body("port", equalTo("GRPIR"));
        Platform.as("grc-ministry").get("/api/whoami")
                .then().statusCode(200).body("nation", equalTo("GRC")).body("roles", hasItem("ministry"));
        Platform.as("piraeus-officer").get("/api/whoami")
                .then().statusCode(200).body("nation", equalTo("GRC")).body("port", equalTo("GRPIR"));
        Platform.as("admin").get("/api/admin/users?nation=GRC")
                .then().statusCode(200).body("items.username", hasItem("piraeus-officer"));
    }

    /**
     * The same day, with their own tokens: Greece registers a vessel and endorses Korea's nomination of another; the
     * coalition lists that one, Greece is told in its inbox like every member, and Piraeus turns it away.
     */
    @Test
    @Order(2)
    void greeceAndItsPortOfficerActTheSameDay() {
        // Membership reaches each service as an event: Greece may be refused for a moment after joining.
        Response registered = Eventually.until(() -> Platform.as("grc-ministry").contentType(ContentType.JSON)
                .body(Map.of("imo", GREEK_VESSEL, "name", "AEGEAN DAWN", "flag", "GRC", "type", "Bulk carrier",
                        "buildYear", 2012))
                .post("/api/registry/vessels"), answer -> answer.statusCode() != 403);
        registered.then().statusCode(201).body("imo", equalTo(GREEK_VESSEL));

        Platform.as("kor-ministry").contentType(ContentType.JSON)
                .body(Map.of("imo", NOMINATED_VESSEL, "name", "DARK HORIZON", "flag", "PAN", "type", "Oil tanker",
                        "buildYear", 2003))
                .post("/api/registry/vessels").then().statusCode(201);
        String nomination = Platform.as("kor-ministry").contentType(ContentType.JSON)
                .body(Map.of("imo", NOMINATED_VESSEL, "evidence", "Ship-to-ship transfer of oil to a DPRK tanker"))
                .post("/api/registry/nominations").then().statusCode(201).extract().path("id");
        for (String endorser : List.of("grc-ministry", "can-ministry")) {
            Platform.as(endorser).contentType(ContentType.JSON).body(Map.of("comment", "Endorsed"))
                    .post("/api/registry/nominations/" + nomination + "/endorsements").then().statusCode(201);
        }
        // Readouts sends the notice to the members it knows when the designation arrives: wait until it knows Greece.
        Eventually.status("grc-ministry", "/api/readouts/inbox", 200);
        Platform.as("admin").contentType(ContentType.JSON).body(Map.of("basis", "Coalition listing"))
                .post("/api/registry/nominations/" + nomination + "/approval").then().statusCode(200);

        JsonPath inbox = Eventually.until(() -> Platform.as("grc-ministry").get("/api/readouts/inbox?limit=1000")
                .then().statusCode(200).extract().jsonPath(), OnboardingIT::noticesTheNominatedVessel);
        assertTrue(noticesTheNominatedVessel(inbox), inbox.prettify());

        JsonPath decision = Eventually.until(() -> Platform.as("piraeus-officer").contentType(ContentType.JSON)
                .body(notice(NOMINATED_VESSEL, "GRPIR")).post("/api/clearance/requests")
                .then().statusCode(201).extract().jsonPath(), answer -> "DENY".equals(answer.getString("decision")));
        assertEquals("DENY", decision.getString("decision"), decision.prettify());
        for (String otherPort : List.of("GRSKG", "KRPUS")) {
            Platform.as("piraeus-officer").contentType(ContentType.JSON).body(notice(NOMINATED_VESSEL, otherPort))
                    .post("/api/clearance/requests")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    private static boolean noticesTheNominatedVessel(JsonPath inbox) {
        List<String> titles = inbox.getList("items.readout.title", String.class);
        List<String> bodies = inbox.getList("items.readout.body", String.class);
        for (int i = 0; i < titles.size(); i++) {
            if (titles.get(i).startsWith("Vessel designated") && bodies.get(i).contains(NOMINATED_VESSEL)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> notice(String imo, String port) {
        return Map.of("imo", imo, "name", "DARK HORIZON", "flag", "PAN", "port", port,
                "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "lastPortsOfCall", List.of());
    }

    @Test
    @Order(3)
    void badOnboardingIsRefusedAndChangesNothing() {
        Platform.as("admin").contentType(ContentType.JSON)
                .body("{\"username\":\"grc-ministry\",\"nation\":\"GRC\",\"role\":\"ministry\",\"password\":\"another-password-1\"}")
                .post("/api/admin/users").then().statusCode(409).contentType("application/problem+json");
        Platform.as("admin").contentType(ContentType.JSON)
                .body("{\"code\":\"GRC\",\"name\":\"Greece\",\"member\":true}")
                .post("/api/admin/nations").then().statusCode(409);
        Platform.as("admin").contentType(ContentType.JSON)
                .body("{\"username\":\"misplaced-officer\",\"nation\":\"GRC\",\"role\":\"port-officer\",\"port\":\"KRPUS\","
                        + "\"password\":\"misplaced-officer-pass\"}")
                .post("/api/admin/users").then().statusCode(400).body("errors[0].field", equalTo("port"));
        Platform.as("admin").contentType(ContentType.JSON)
                .body("{\"username\":\"nobody-ministry\",\"nation\":\"ATA\",\"role\":\"ministry\",\"password\":\"nobody-ministry-pass\"}")
                .post("/api/admin/users").then().statusCode(400).body("errors[0].field", equalTo("nation"));
        Platform.as("admin").get("/api/admin/users?nation=GRC")
                .then().statusCode(200).body("items.username", not(hasItem("misplaced-officer")));
        for (String user : new String[] {"kor-ministry", "busan-officer", "chn-ministry"}) {
            Platform.as(user).get("/api/admin/users").then().statusCode(403).contentType("application/problem+json");
            Platform.as(user).contentType(ContentType.JSON).body("{\"status\":\"SUSPENDED\"}")
                    .patch("/api/admin/nations/KOR").then().statusCode(403);
        }
    }

    @Test
    @Order(4)
    void aTemporaryPasswordMustBeChangedBeforeAnyToken() {
        Platform.as("admin").contentType(ContentType.JSON)
                .body("{\"username\":\"grc-deputy\",\"nation\":\"GRC\",\"role\":\"ministry\",\"password\":\"grc-deputy-pass\"}")
                .post("/api/admin/users").then().statusCode(201);
        Tokens.login("grc-deputy", "coalition-cli").then().statusCode(400);
    }

    @Test
    @Order(5)
    void aDisabledUserGetsNoNewToken() {
        Platform.as("admin").contentType(ContentType.JSON)
                .body("{\"username\":\"grc-leaver\",\"nation\":\"GRC\",\"role\":\"ministry\",\"password\":\"grc-leaver-pass\",\"temporaryPassword\":false}")
                .post("/api/admin/users").then().statusCode(201);
        Tokens.login("grc-leaver", "coalition-cli").then().statusCode(200);
        Platform.as("admin").post("/api/admin/users/grc-leaver/disable")
                .then().statusCode(200).body("enabled", equalTo(false));
        Tokens.login("grc-leaver", "coalition-cli").then().statusCode(400);
    }

    @Test
    @Order(6)
    void suspendingANationRefusesItsCallsAndReinstatingRestoresThem() {
        Eventually.status("grc-ministry", "/api/registry/caller", 200);
        Platform.as("admin").contentType(ContentType.JSON).body("{\"status\":\"SUSPENDED\"}")
                .patch("/api/admin/nations/GRC").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        Eventually.status("grc-ministry", "/api/registry/vessels", 403);
        Eventually.status("grc-ministry", "/api/readouts/inbox", 403);
        Eventually.status("piraeus-officer", "/api/clearance/requests?port=GRPIR", 403);
        Platform.as("admin").contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\"}")
                .patch("/api/admin/nations/GRC").then().statusCode(200);
        Eventually.status("grc-ministry", "/api/registry/vessels", 200);
        Eventually.status("grc-ministry", "/api/readouts/inbox", 200);
        Eventually.status("piraeus-officer", "/api/clearance/requests?port=GRPIR", 200);
    }
}
