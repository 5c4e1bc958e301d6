package org.interdict.gateway.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.interdict.stack.Stack;
import org.junit.jupiter.api.Test;

/** The gateway's edge end to end: merged OpenAPI, audit, no secrets in its log, a stopped service. */
class GatewayEdgeIT {

    @Test
    void theMergedOpenApiDocumentsEveryServiceWithoutAToken() {
        Platform.gateway().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/whoami"))
                .body("paths", hasKey("/api/registry/vessels"))
                .body("paths", hasKey("/api/clearance/requests"))
                .body("paths", hasKey("/api/readouts/inbox"))
                .body("components.securitySchemes.oidc.openIdConnectUrl",
                        equalTo(Platform.stack().keycloak().realmUrl() + "/.well-known/openid-configuration"));
        Platform.gateway().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void writesThroughTheGatewayAreInAValidAuditChain() {
        Platform.as("jpn-ministry").header("X-Request-Id", "e2e-audit-1").contentType("application/json")
                .body("{}").post("/api/registry/vessels").then().statusCode(400);
        Platform.as("admin").get("/api/audit/verify")
                .then().statusCode(200).body("valid", equalTo(true));
        Platform.as("jpn-ministry").get("/api/audit/verify").then().statusCode(403);
    }

    @Test
    void theGatewayLogsRequestIdsButNeverATokenOrSecret() throws IOException {
        String token = Tokens.of("kor-ministry");
        Platform.as("kor-ministry").header("X-Request-Id", "e2e-log-check").get("/api/whoami").then().statusCode(200);
        Platform.gateway().auth().oauth2(token + "x").header("X-Request-Id", "e2e-log-bad-token")
                .get("/api/registry/vessels").then().statusCode(401);
        Path log = Platform.stack().app(Stack.App.GATEWAY).log();
        String text = Files.readString(log);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertFalse(text.contains(signature), "a token's signature is in " + log);
        assertFalse(text.contains(token.substring(0, token.indexOf('.', token.indexOf('.') + 1))),
                "a token is in " + log);
        assertFalse(text.contains("interdict-gateway-dev-secret"), "the client secret is in " + log);
        assertTrue(text.contains("Authorization table"), "the gateway logs to " + log);
    }

    /** With one service stopped, its routes answer 503 problem+json and the others keep working. */
    @Test
    void aStoppedServiceAnswers503AndTheOthersWork() {
        var readouts = Platform.stack().app(Stack.App.READOUTS);
        readouts.stop();
        try {
            Platform.as("jpn-ministry").get("/api/readouts/inbox")
                    .then().statusCode(503).contentType("application/problem+json").body("status", equalTo(503));
            Platform.as("jpn-ministry").get("/api/registry/caller").then().statusCode(200);
        } finally {
            readouts.start(Platform.stack().layout());
        }
        // The breaker may still be open for a few seconds after the restart.
        int status = 0;
        for (int attempt = 0; attempt < 60 && status != 200; attempt++) {
            status = Platform.as("jpn-ministry").get("/api/readouts/inbox").statusCode();
            if (status != 200) {
                pause();
            }
        }
        assertTrue(status == 200, "readouts back: " + status);
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
