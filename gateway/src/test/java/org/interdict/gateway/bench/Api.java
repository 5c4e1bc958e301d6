package org.interdict.gateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform's HTTP API as a client sees it: real tokens from the realm's password grant (development users,
 * password {@code <username>-pass}) and JSON calls, over one JDK HttpClient (HTTP/1.1, as the gateway serves it).
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String tokenUrl;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /** Tokens live 5 minutes in the realm; one is used for 4 at most, and the run is longer. */
    private record Token(String value, long fetchedAt) {
        boolean fresh() {
            return System.nanoTime() - fetchedAt < Duration.ofMinutes(4).toNanos();
        }
    }

    Api(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    /** A token for the user, fetched again when it nears its end. */
    String token(String username) {
        return tokens.compute(username, (user, token) -> token != null && token.fresh() ? token
                : new Token(fetchToken(user), System.nanoTime())).value();
    }

    private String fetchToken(String username) {
        String form = "grant_type=password&client_id=coalition-cli&username=" + encode(username) + "&password="
                + encode(username + "-pass");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return read(expect(response, 200)).get("access_token").asText();
    }

    HttpRequest.Builder request(String url, String username) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(username)).header("Accept", "application/json");
    }

    HttpRequest postJson(String url, String username, Object body) {
        return request(url, username).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    JsonNode get(String url, String username) {
        return read(expect(send(request(url, username).GET().build()), 200));
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                + response.statusCode() + ": " + abbreviate(response.body()));
    }

    static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body == null || body.length() < 400 ? body : body.substring(0, 400) + "...";
    }
}
