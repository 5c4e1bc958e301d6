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

import jakarta.inject.Inject;

import org.interdict.gateway.proxy.FakeServices;
import org.interdict.stack.InfrastructureTestResource;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
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
