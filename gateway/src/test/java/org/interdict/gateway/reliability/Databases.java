package org.interdict.gateway.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.interdict.gateway.e2e.Platform;
import org.interdict.stack.Stack;

/** Reads the e2e stack's databases directly, to check what the services' answers claim. */
final class Databases {

    /**
     * Tables whose rows change without any call: the outbox drains, consumers record what they applied, the replica
     * records its position. What they hold is checked by the event tests, not by fingerprints.
     */
    private static final Set<String> MOVING = Set.of("flyway_schema_history", "outbox_event", "processed_event",
            "replica_offset");

    private Databases() {
    }

    /** The first column of every row the query answers, as text. */
    static List<String> column(Stack.App app, String sql) {
        List<String> values = new ArrayList<>();
        work(app, statement -> {
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        });
        return values;
    }

    /** A checksum and a row count per table of the service's own data, to tell whether anything was written. */
    static Map<String, String> fingerprint(Stack.App app) {
        Map<String, String> prints = new TreeMap<>();
        for (String table : column(app, "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
            if (MOVING.contains(table) || table.contains("audit")) {
                continue;
            }
            prints.put(app.shortName() + "." + table, column(app, "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text,"
                    + " '|' ORDER BY t::text), '')) FROM " + table + " t").get(0));
        }
        return prints;
    }

    private interface Work {
        void run(Statement statement) throws SQLException;
    }

    private static void work(Stack.App app, Work work) {
        Stack stack = Platform.stack();
        Properties credentials = new Properties();
        credentials.setProperty("user", stack.postgres().user());
        credentials.setProperty("password", stack.postgres().password());
        try (Connection connection = new org.postgresql.Driver().connect(stack.jdbcUrl(app), credentials);
                Statement statement = connection.createStatement()) {
            work.run(statement);
        } catch (SQLException e) {
            throw new AssertionError("Could not read " + stack.jdbcUrl(app) + ": " + e.getMessage(), e);
        }
    }
}
