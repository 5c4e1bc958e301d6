package org.interdict.gateway.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Issue 7 end to end: a nation joins, its people are onboarded through the platform and act the same day. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnboardingIT {

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

    @Test
    @Order(2)
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
    @Order(3)
    void aTemporaryPasswordMustBeChangedBeforeAnyToken() {
        Platform.as("admin").contentType(ContentType.JSON)
                .body("{\"username\":\"grc-deputy\",\"nation\":\"GRC\",\"role\":\"ministry\",\"password\":\"grc-deputy-pass\"}")
                .post("/api/admin/users").then().statusCode(201);
        passwordGrant("grc-deputy").then().statusCode(400);
    }

    @Test
    @Order(4)
    void aDisabledUserGetsNoNewToken() {
        Platform.as("admin").contentType(ContentType.JSON)
                .body("{\"username\":\"grc-leaver\",\"nation\":\"GRC\",\"role\":\"ministry\",\"password\":\"grc-leaver-pass\",\"temporaryPassword\":false}")
                .post("/api/admin/users").then().statusCode(201);
        passwordGrant("grc-leaver").then().statusCode(200);
        Platform.as("admin").post("/api/admin/users/grc-leaver/disable")
                .then().statusCode(200).body("enabled", equalTo(false));
        passwordGrant("grc-leaver").then().statusCode(400);
    }

    @Test
    @Order(5)
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

    private static io.restassured.response.Response passwordGrant(String username) {
        return RestAssured.given()
                .formParam("grant_type", "password").formParam("client_id", "coalition-cli")
                .formParam("username", username).formParam("password", username + "-pass")
                .post(Platform.stack().keycloak().tokenUrl());
    }
}
