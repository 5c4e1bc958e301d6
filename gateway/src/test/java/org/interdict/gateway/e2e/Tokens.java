package org.interdict.gateway.e2e;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.RestAssured;

/** Real tokens from the realm's password grant, one per development user per run (hashing costs CPU). */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String of(String username) {
        return CACHE.computeIfAbsent(username, Tokens::fetch);
    }

    public static String fetch(String username) {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "coalition-cli")
                .formParam("username", username)
                .formParam("password", username + "-pass")
                .post(Platform.stack().keycloak().tokenUrl())
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
