package org.interdict.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.interdict.gateway.proxy.FakeServices;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The gateway terminating TLS, configured as in production, on a self-signed certificate made for the test. */
@QuarkusTest
@TestProfile(TlsTest.Tls.class)
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_gateway"))
@QuarkusTestResource(FakeServices.class)
class TlsTest {

    static final String PASSWORD = "interdict-test";

    @Test
    void httpsAnswersCarryHstsAndPlainHttpAnswersDoNot() {
        given().relaxedHTTPSValidation().baseUri("https://localhost").port(Tls.httpsPort)
                .when().get("/api/registry/vessels")
                .then().statusCode(401).contentType("application/problem+json")
                .header("Strict-Transport-Security", SecurityHeaders.HSTS);
        given().when().get("/api/registry/vessels")
                .then().statusCode(401).header("Strict-Transport-Security", nullValue());
    }

    /** A key store made with the JDK's keytool under target/, and the HTTPS port set to a free one. */
    public static class Tls implements QuarkusTestProfile {

        static int httpsPort;

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path store = Path.of("target", "tls", "gateway.p12").toAbsolutePath();
                Files.createDirectories(store.getParent());
                Files.deleteIfExists(store);
                Process keytool = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                        "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                        "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD))
                        .inheritIO().start();
                if (keytool.waitFor() != 0) {
                    throw new IllegalStateException("keytool failed");
                }
                try (ServerSocket socket = new ServerSocket(0)) {
                    httpsPort = socket.getLocalPort();
                }
                return Map.of(
                        "quarkus.http.ssl.certificate.key-store-file", store.toString(),
                        "quarkus.http.ssl.certificate.key-store-password", PASSWORD,
                        "quarkus.http.test-ssl-port", Integer.toString(httpsPort));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
