package org.interdict.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.interdict.gateway.e2e.Eventually;
import org.interdict.gateway.proxy.FakeServices;
import org.interdict.gateway.proxy.GatewayConfig;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "interdict_test_gateway"))
@QuarkusTestResource(FakeServices.class)
class AuditLogTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry registry;

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "USA"), @Claim(key = "preferred_username", value = "admin")})
    void everyWriteIsChainedAndAnAlteredOrRemovedRowIsFound() throws SQLException {
        given().header("X-Request-Id", "audit-1").contentType(ContentType.JSON).body("{}")
                .when().post("/api/registry/vessels").then().statusCode(200);
        given().header("X-Request-Id", "audit-2").contentType(ContentType.JSON).body("{}")
                .when().patch("/api/registry/vessels/9176187").then().statusCode(200);
        given().header("X-Request-Id", "audit-3").contentType(ContentType.JSON)
                .body("{\"code\":\"NZL\",\"name\":\"New Zealand\",\"member\":true}")
                .when().post("/api/admin/nations").then().statusCode(201);
        given().header("X-Request-Id", "audit-read").when().get("/api/registry/vessels").then().statusCode(200);

        given().when().get("/api/audit/verify")
                .then().statusCode(200).body("valid", equalTo(true)).body("firstBrokenEntry", nullValue());

        long first = idOf("audit-1");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT username, nation, roles, method,"
                        + " route, status FROM audit_entry WHERE request_id = ?")) {
            select.setString(1, "audit-3");
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertEquals("admin", row.getString(1));
                assertEquals("USA", row.getString(2));
                assertEquals("admin", row.getString(3));
                assertEquals("POST", row.getString(4));
                assertEquals("/api/admin/nations", row.getString(5));
                assertEquals(201, row.getInt(6));
            }
            select.setString(1, "audit-read");
            try (ResultSet row = select.executeQuery()) {
                assertTrue(!row.next(), "reads are not audited");
            }
        }

        long second = idOf("audit-2");
        execute("UPDATE audit_entry SET status = 500 WHERE id = " + second);
        given().when().get("/api/audit/verify")
                .then().statusCode(200).body("valid", equalTo(false)).body("firstBrokenEntry", equalTo((int) second));
        execute("UPDATE audit_entry SET status = 200 WHERE id = " + second);
        given().when().get("/api/audit/verify").then().body("valid", equalTo(true));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE kept AS SELECT * FROM audit_entry WHERE id = " + first);
            statement.execute("DELETE FROM audit_entry WHERE id = " + first);
            given().when().get("/api/audit/verify")
                    .then().statusCode(200).body("valid", equalTo(false))
                    .body("firstBrokenEntry", equalTo((int) second));
            statement.execute("INSERT INTO audit_entry SELECT * FROM kept");
        }
        given().when().get("/api/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    @TestSecurity(user = "jpn-ministry", roles = "ministry")
    @OidcSecurity(claims = @Claim(key = "nation", value = "JPN"))
    void onlyAdminsVerify() {
        given().when().get("/api/audit/verify").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void writeCallsRefusedBeforeAuthenticationAreAuditedAsAnonymous() {
        given().header("X-Request-Id", "audit-no-token").contentType(ContentType.JSON).body("{}")
                .when().post("/api/registry/vessels").then().statusCode(401);
        given().header("X-Request-Id", "audit-too-large").contentType(ContentType.JSON).body("x".repeat(5000))
                .when().post("/api/registry/vessels").then().statusCode(413);
        assertEquals("anonymous 401", eventually("audit-no-token"));
        assertEquals("anonymous 413", eventually("audit-too-large"));
    }

    @Test
    @TestSecurity(user = "gbr-ministry", roles = "ministry")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "GBR"),
            @Claim(key = "preferred_username", value = "gbr-ministry")})
    void writeCallsRefusedByTheCoarseRulesAreAuditedWithTheCaller() {
        given().header("X-Request-Id", "audit-403").when().delete("/api/registry/vessels/9176187/designations/1")
                .then().statusCode(403);
        given().header("X-Request-Id", "audit-405").when().put("/api/registry/vessels/9176187").then().statusCode(405);
        given().header("X-Request-Id", "audit-415").contentType(ContentType.TEXT).body("hello")
                .when().post("/api/registry/vessels").then().statusCode(415);
        int limited = 0;
        for (int i = 0; limited == 0 && i < 20; i++) {
            limited = given().header("X-Request-Id", "audit-429-" + i).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/limited/ping").statusCode() == 429 ? i : 0;
        }
        assertTrue(limited > 0, "the route's limit was never reached");
        for (String refused : List.of("403", "405", "415")) {
            assertEquals("gbr-ministry " + refused, eventually("audit-" + refused));
        }
        assertEquals("gbr-ministry 429", eventually("audit-429-" + limited));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "USA"), @Claim(key = "preferred_username", value = "admin")})
    void aFailedAppendIsRetriedUntilStoredAndWritesAreRefusedMeanwhile() throws SQLException {
        String refusedId;
        execute("ALTER TABLE audit_entry RENAME TO audit_entry_away");
        try {
            given().header("X-Request-Id", "audit-while-down").contentType(ContentType.JSON).body("{}")
                    .when().post("/api/registry/vessels").then().statusCode(200);
            // until the writer has found the log unwritable, write calls still pass: each try has its own id
            AtomicInteger tries = new AtomicInteger();
            int refused = Eventually.until(() -> given()
                    .header("X-Request-Id", "audit-refused-" + tries.incrementAndGet()).contentType(ContentType.JSON)
                    .body("{}").when().post("/api/registry/vessels").statusCode(), status -> status == 503);
            assertEquals(503, refused, "write calls go on while the audit log cannot be written");
            refusedId = "audit-refused-" + tries.get();
            assertTrue(!FakeServices.REQUEST_IDS.contains(refusedId), "a refused write reached the service");
            given().when().get("/api/registry/vessels").then().statusCode(200);
        } finally {
            execute("ALTER TABLE audit_entry_away RENAME TO audit_entry");
        }
        assertEquals("admin 200", eventually("audit-while-down"));
        assertEquals("admin 503", eventually(refusedId));
        Eventually.until(() -> given().contentType(ContentType.JSON).body("{}").when().post("/api/registry/vessels")
                .statusCode(), status -> status == 200);
        given().when().get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aBurstOfAppendsIsWrittenInFewTransactionsInTheChainOfEveryInstance() throws SQLException {
        int burst = 200;
        audit.verify().toCompletableFuture().join(); // every earlier entry is written
        double before = transactions();
        String other;
        try (Connection instance = dataSource.getConnection()) {
            // another gateway instance appends while the burst queues behind its lock
            other = appendAsAnotherInstance(instance);
            for (int i = 0; i < burst; i++) {
                audit.append(someEntry("burst-" + i), false);
            }
            instance.commit();
        }
        eventually("burst-" + (burst - 1));

        double transactions = transactions() - before;
        assertTrue(transactions <= 2, burst + " appends took " + transactions + " transactions");
        assertEquals(IntStream.range(0, burst).mapToObj(i -> "burst-" + i).toList(), requestIds("burst-%"),
                "the entries are chained in the order they were appended");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT previous_hash FROM audit_entry WHERE request_id = 'burst-0'");
                ResultSet row = select.executeQuery()) {
            assertTrue(row.next());
            assertEquals(other, row.getString(1), "the burst extends the other instance's entry");
        }
        given().when().get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void appendsArrivingWhileTheWriterLingersShareItsTransaction() throws InterruptedException {
        audit.verify().toCompletableFuture().join(); // every earlier entry is written
        double before = transactions();
        // each append comes after the last one's write would have ended, all within the test profile's linger
        for (int i = 0; i < 5; i++) {
            audit.append(someEntry("linger-" + i), false);
            Thread.sleep(20);
        }
        eventually("linger-4");

        double transactions = transactions() - before;
        assertTrue(transactions <= 2, "5 appends within " + config.audit().linger() + " took " + transactions
                + " transactions");
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    @OidcSecurity(claims = {@Claim(key = "nation", value = "USA"), @Claim(key = "preferred_username", value = "admin")})
    void whileTheQueueIsFullWriteCallsAreRefused() throws SQLException {
        int size = config.audit().queueSize();
        try (Connection instance = dataSource.getConnection()) {
            // the writer waits for another instance's lock while the queue fills up
            appendAsAnotherInstance(instance);
            for (int i = 0; i < size; i++) {
                audit.append(someEntry("full-" + i), false);
            }
            given().header("X-Request-Id", "audit-full").contentType(ContentType.JSON).body("{}")
                    .when().post("/api/registry/vessels")
                    .then().statusCode(503).header("Retry-After", "5").contentType("application/problem+json");
            assertTrue(!FakeServices.REQUEST_IDS.contains("audit-full"), "a refused write reached the service");
            given().when().get("/api/registry/vessels").then().statusCode(200);
            instance.commit();
        }
        eventually("full-" + (size - 1));
        given().header("X-Request-Id", "audit-after-full").contentType(ContentType.JSON).body("{}")
                .when().post("/api/registry/vessels").then().statusCode(200);
        assertEquals("admin 200", eventually("audit-after-full"));
        given().when().get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    /** Appends one entry as another gateway instance does, holding the chain's lock until the transaction ends. */
    private static String appendAsAnotherInstance(Connection instance) throws SQLException {
        instance.setAutoCommit(false);
        return AuditLog.appendChained(instance, List.of(someEntry("other-instance-" + System.nanoTime())));
    }

    private static AuditEntry someEntry(String requestId) {
        return new AuditEntry(Instant.now(), "admin", null, null, "admin", "POST", "/api/registry/vessels", 200,
                requestId);
    }

    private double transactions() {
        return registry.counter("audit.transactions").count();
    }

    private List<String> requestIds(String pattern) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT request_id FROM audit_entry WHERE request_id LIKE ? ORDER BY id")) {
            select.setString(1, pattern);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
        }
        return ids;
    }

    /** "username status" of the request's audit entry, once the writer has stored it. */
    private String eventually(String requestId) {
        return Eventually.until(() -> entry(requestId), found -> found != null);
    }

    private String entry(String requestId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT username, status FROM audit_entry WHERE request_id = ?")) {
            select.setString(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) + " " + row.getInt(2) : null;
            }
        } catch (SQLException e) {
            // the table is away while an append is made to fail
            return null;
        }
    }

    private long idOf(String requestId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id FROM audit_entry WHERE request_id = ?")) {
            select.setString(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), requestId);
                return row.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
