package org.interdict.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.interdict.gateway.access.AccessRule;
import org.interdict.gateway.access.AccessRules;
import org.interdict.gateway.edge.FrontDoor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The authorization matrix, generated from the gateway's own table (access-rules.csv): every endpoint × every
 * development user, no token and a forged token → what the gateway decides, with real tokens. "Passes" means the
 * gateway let the call through (the service may still refuse it for its own reasons, so only the gateway's refusals,
 * marked by {@link FrontDoor#REFUSED_BY}, are asserted). An operation of the merged OpenAPI without a row fails.
 */
class AuthorizationMatrixIT {

    private static final List<String> USERS = List.of("admin", "can-ministry", "usa-ministry", "kor-ministry",
            "jpn-ministry", "gbr-ministry", "chn-ministry", "rus-ministry", "busan-officer", "vancouver-officer");
    private static final Map<String, String> SAMPLES = Map.of("imo", "9999998", "code", "ZZZ",
            "username", "nobody-matrix", "nation", "JPN", "id", "00000000-0000-0000-0000-000000000000");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AccessRules RULES = AccessRules.load(List.of("access-rules.csv"));
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (AccessRule rule : RULES.rules()) {
            String label = rule.method() + " " + rule.path();
            tests.add(DynamicTest.dynamicTest(label + " without a token", () -> expectRefusal(rule, null, 401)));
            tests.add(DynamicTest.dynamicTest(label + " with a forged token",
                    () -> expectRefusal(rule, forged(), 401)));
            for (String user : USERS) {
                tests.add(DynamicTest.dynamicTest(label + " as " + user, () -> {
                    String token = freshToken(user);
                    if (rule.admits(realmRoles(token))) {
                        expectPassage(rule, token);
                    } else {
                        expectRefusal(rule, token, 403);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** A service endpoint that nobody added to the table would be unreachable (404 at the gateway): caught here. */
    @Test
    void everyOperationOfTheMergedOpenApiHasARow() throws IOException {
        JsonNode paths = JSON.readTree(Platform.gateway().get("/q/openapi").then().statusCode(200)
                .extract().asByteArray()).path("paths");
        Set<String> methods = Set.of("get", "post", "put", "patch", "delete");
        List<String> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (methods.contains(method)) {
                seen.add(method + " " + path.getKey());
                if (RULES.ruleFor(method, concrete(path.getKey())).isEmpty()) {
                    missing.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }));
        assertTrue(seen.size() > 20, "the merged document has the services' operations: " + seen);
        assertTrue(missing.isEmpty(), "operations without a row in access-rules.csv: " + missing);
    }

    private static void expectRefusal(AccessRule rule, String token, int status) throws Exception {
        HttpResponse<InputStream> response = call(rule, token);
        try (InputStream body = response.body()) {
            assertEquals(status, response.statusCode(), new String(body.readNBytes(2000), StandardCharsets.UTF_8));
            assertEquals("gateway", response.headers().firstValue(FrontDoor.REFUSED_BY).orElse(null));
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
    }

    private static void expectPassage(AccessRule rule, String token) throws Exception {
        HttpResponse<InputStream> response;
        try {
            response = call(rule, token);
        } catch (HttpTimeoutException e) {
            // The gateway refuses at once; silence means the call was let through (an event stream, a slow service).
            return;
        }
        try (InputStream body = response.body()) {
            String refusedBy = response.headers().firstValue(FrontDoor.REFUSED_BY).orElse(null);
            String detail = response.statusCode() + " " + (response.headers().firstValue("Content-Type")
                    .orElse("").contains("json") ? new String(body.readNBytes(2000), StandardCharsets.UTF_8) : "");
            assertFalse("gateway".equals(refusedBy), "refused by the gateway: " + detail);
            assertNotEquals(401, response.statusCode(), detail);
        }
    }

    private static HttpResponse<InputStream> call(AccessRule rule, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.stack().gatewayUrl()
                        + concrete(rule.path())))
                .timeout(Duration.ofSeconds(5))
                .header("X-Request-Id", "matrix-" + Math.abs(rule.hashCode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (rule.consumes().isEmpty()) {
            request.method(rule.method(), HttpRequest.BodyPublishers.noBody());
        } else if (rule.consumes().get(0).contains("json")) {
            // An empty object: invalid for every write, so a call that passes changes nothing.
            request.header("Content-Type", rule.consumes().get(0))
                    .method(rule.method(), HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.header("Content-Type", rule.consumes().get(0))
                    .method(rule.method(), HttpRequest.BodyPublishers.noBody());
        }
        // Headers only: a passing call to the event stream would never end.
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static String concrete(String template) {
        String path = template;
        for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
            path = path.replace("{" + sample.getKey() + "}", sample.getValue());
        }
        return path.replaceAll("\\{[^}]+}", "x");
    }

    private static Set<String> realmRoles(String token) throws IOException {
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        Set<String> roles = new HashSet<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private static String forged;
    private static final Map<String, String> TOKENS = new HashMap<>();
    private static final Map<String, Instant> FETCHED = new HashMap<>();

    /** Own tokens, renewed well before they expire (5 min): the matrix takes minutes. */
    private static synchronized String freshToken(String user) {
        Instant fetched = FETCHED.get(user);
        if (fetched == null || fetched.isBefore(Instant.now().minusSeconds(120))) {
            TOKENS.put(user, Tokens.fetch(user));
            FETCHED.put(user, Instant.now());
        }
        return TOKENS.get(user);
    }

    /** A real token's header and claims, signed with a key the realm never had. */
    private static synchronized String forged() throws Exception {
        if (forged != null) {
            return forged;
        }
        String[] real = freshToken("admin").split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(generator.generateKeyPair().getPrivate());
        signer.update((real[0] + "." + real[1]).getBytes(StandardCharsets.US_ASCII));
        forged = real[0] + "." + real[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        return forged;
    }
}
