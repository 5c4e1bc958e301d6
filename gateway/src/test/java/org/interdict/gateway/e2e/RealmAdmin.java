package org.interdict.gateway.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.interdict.stack.KeycloakServer;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Keycloak's own admin API as the master realm's administrator, for test set-ups the platform's service account may
 * not make (it manages users only), such as a client whose tokens expire within seconds. The realm file is never
 * changed for a test.
 */
final class RealmAdmin {

    private RealmAdmin() {
    }

    /** Adds a copy of a client of the coalition realm (same flows and token mappers) with some attributes changed. */
    @SuppressWarnings("unchecked")
    static void copyClient(String clientId, String copyId, Map<String, String> attributes) {
        Map<String, Object> client = new HashMap<>(client(clientId));
        client.remove("id");
        client.put("clientId", copyId);
        Map<String, Object> changed = new HashMap<>((Map<String, Object>) client.getOrDefault("attributes", Map.of()));
        changed.putAll(attributes);
        client.put("attributes", changed);
        List<Map<String, Object>> mappers = (List<Map<String, Object>>) client.getOrDefault("protocolMappers", List.of());
        client.put("protocolMappers", mappers.stream().map(mapper -> {
            Map<String, Object> copy = new HashMap<>(mapper);
            copy.remove("id");
            return copy;
        }).toList());
        realm().contentType(ContentType.JSON).body(client).post("/clients").then().statusCode(201);
    }

    static void deleteClient(String clientId) {
        realm().delete("/clients/" + client(clientId).get("id")).then().statusCode(204);
    }

    private static Map<String, Object> client(String clientId) {
        List<Map<String, Object>> found = realm().queryParam("clientId", clientId).get("/clients")
                .then().statusCode(200).extract().jsonPath().getList("$");
        if (found.size() != 1) {
            throw new AssertionError("No single client " + clientId + " in the realm: " + found.size());
        }
        return found.get(0);
    }

    private static RequestSpecification realm() {
        KeycloakServer keycloak = Platform.stack().keycloak();
        String token = RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", KeycloakServer.BOOTSTRAP_ADMIN.username())
                .formParam("password", KeycloakServer.BOOTSTRAP_ADMIN.password())
                .post(keycloak.url() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return RestAssured.given().baseUri(keycloak.url() + "/admin/realms/coalition").auth().oauth2(token);
    }
}
