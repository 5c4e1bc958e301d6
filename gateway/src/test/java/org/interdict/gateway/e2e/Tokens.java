package org.interdict.gateway.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Real tokens from the realm's password grant, one per development user at a time (hashing costs CPU), fetched
 * again before the realm's five-minute lifespan runs out, since the suite outlasts it.
 */
public final class Tokens {

    private static final Duration REUSE_FOR = Duration.ofMinutes(4);
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private record Token(String value, long fetchedAt) {

        boolean fresh() {
            return System.nanoTime() - fetchedAt < REUSE_FOR.toNanos();
        }
    }

    private Tokens() {
    }

    public static String of(String username) {
        return CACHE.compute(username, (user, known) -> known != null && known.fresh() ? known
                : new Token(fetch(user), System.nanoTime())).value();
    }

    public static String fetch(String username) {
        return login(username, "coalition-cli").then().statusCode(200).extract().path("access_token");
    }

    /** A login as a script makes it: the password grant with the user's development password, for the client. */
    public static Response login(String username, String clientId) {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("username", username)
                .formParam("password", username + "-pass")
                .post(Platform.stack().keycloak().tokenUrl());
    }
}
