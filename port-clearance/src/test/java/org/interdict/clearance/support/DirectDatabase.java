package org.interdict.clearance.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's database reached by a connection of the test's own, beside the service's pool: to count what was
 * kept, and to hold a table so that the service's writes wait, as they would behind a slow commit.
 */
public final class DirectDatabase {

    private DirectDatabase() {
    }

    /** Rows matching a {@code SELECT count(*)} query with one text parameter. */
    public static long count(String query, String parameter) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Holds a lock on the table that lets it be read but not written, until closed. */
    public static TableLock lock(String table) {
        try {
            Connection connection = connect();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LOCK TABLE " + table + " IN SHARE MODE");
            }
            return new TableLock(connection, table);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A held table lock; closing it releases the writes waiting for it. */
    public record TableLock(Connection connection, String table) implements AutoCloseable {

        /** Whether some other session waits for this table: a write the service began. */
        public boolean awaited() {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM pg_locks WHERE relation = CAST(? AS regclass) AND NOT granted"
                            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                statement.setString(1, table);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1) > 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
