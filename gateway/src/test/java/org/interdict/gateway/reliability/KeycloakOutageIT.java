package org.interdict.gateway.reliability;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.interdict.gateway.e2e.Platform;
import org.interdict.gateway.e2e.Tokens;
import org.interdict.stack.KeycloakServer;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Keycloak stopped: the services and the gateway verify tokens with the keys they fetched at start, so tokens already
 * issued keep working on every service; new logins fail at Keycloak; onboarding answers 503 and makes no half user.
 * Keycloak keeps its data (realm, users, signing keys) across the restart, so nothing has to be fetched again after.
 */
class KeycloakOutageIT {

    /** Each role on each service it may use, and the gateway's own endpoint. */
    private static final List<String[]> CALLS = List.of(
            new String[] {"admin", "/api/whoami"},
            new String[] {"admin", "/api/registry/caller"},
            new String[] {"jpn-ministry", "/api/registry/caller"},
            new String[] {"jpn-ministry", "/api/readouts/caller"},
            new String[] {"busan-officer", "/api/clearance/caller"});
    private static final String NEWCOMER = "jpn-deputy";

    @Test
    void issuedTokensKeepWorkingAndOnboardingWaitsForKeycloak() {
        // Fetched now, so that they outlive the outage (the realm's tokens live five minutes).
        Map<String, String> tokens = Map.of("admin", Tokens.fetch("admin"),
                "jpn-ministry", Tokens.fetch("jpn-ministry"), "busan-officer", Tokens.fetch("busan-officer"));
        KeycloakServer keycloak = Platform.stack().keycloak();
        keycloak.stop();
        try {
            for (String[] call : CALLS) {
                Platform.gateway().auth().oauth2(tokens.get(call[0])).get(call[1])
                        .then().statusCode(200).body("username", equalTo(call[0]));
            }
            // A token signed with a key nobody knows sends the verifier to Keycloak for new keys: still a plain 401.
            Platform.gateway().auth().oauth2(withUnknownKey(tokens.get("jpn-ministry"))).get("/api/registry/caller")
                    .then().statusCode(401).contentType("application/problem+json");

            assertThrows(ConnectException.class, () -> Tokens.login("jpn-ministry", "coalition-cli"));

            Platform.gateway().auth().oauth2(tokens.get("admin")).contentType(ContentType.JSON).body(newcomer())
                    .post("/api/admin/users")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("detail", containsString("identity service"));
        } finally {
            keycloak.start();
        }

        // The same signing key after the restart: a new login's token works everywhere at once.
        Tokens.login("jpn-ministry", "coalition-cli").then().statusCode(200);
        Platform.gateway().auth().oauth2(tokens.get("admin")).get("/api/admin/users?nation=JPN")
                .then().statusCode(200).body("items.username", not(hasItem(NEWCOMER)));
        Platform.gateway().auth().oauth2(tokens.get("admin")).contentType(ContentType.JSON).body(newcomer())
                .post("/api/admin/users").then().statusCode(201);
        String newcomerToken = Tokens.fetch(NEWCOMER);
        assertEquals(keyId(tokens.get("jpn-ministry")), keyId(newcomerToken), "the realm's signing key");
        for (String service : List.of("registry", "readouts")) {
            Platform.gateway().auth().oauth2(newcomerToken).get("/api/" + service + "/caller")
                    .then().statusCode(200).body("username", equalTo(NEWCOMER)).body("nation", equalTo("JPN"));
        }
    }

    private static Map<String, Object> newcomer() {
        return Map.of("username", NEWCOMER, "nation", "JPN", "role", "ministry", "password", NEWCOMER + "-pass",
                "temporaryPassword", false);
    }

    private static String keyId(String token) {
        return JsonPath.from(decode(token.split("\\.")[0])).getString("kid");
    }

    private static String withUnknownKey(String token) {
        String[] parts = token.split("\\.");
        String header = decode(parts[0]).replace(keyId(token), "retired-key");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + "." + parts[2];
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
