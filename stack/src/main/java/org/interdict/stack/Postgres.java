package org.interdict.stack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL server the services keep their data in: {@code 127.0.0.1:5432} with user {@code postgres} unless
 * {@code INTERDICT_DB_HOST}, {@code INTERDICT_DB_PORT}, {@code INTERDICT_DB_USER} and {@code INTERDICT_DB_PASSWORD}
 * say otherwise. Each service gets a database of its own.
 */
public final class Postgres {

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private Postgres(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static Postgres fromEnvironment() {
        return new Postgres(env("INTERDICT_DB_HOST", "127.0.0.1"), Integer.parseInt(env("INTERDICT_DB_PORT", "5432")),
                env("INTERDICT_DB_USER", "postgres"), env("INTERDICT_DB_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The same server and credentials, reached at another address (such as a {@link FaultProxy}). */
    public Postgres via(String otherHost, int otherPort) {
        return new Postgres(otherHost, otherPort, user, password);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Creates the database unless it exists. */
    public void ensure(String database) {
        withAdmin(statement -> {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + checked(database) + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE DATABASE " + checked(database));
                }
            }
        });
    }

    /** Drops the database, if it exists, and creates it empty: for tests. */
    public void recreate(String database) {
        withAdmin(statement -> {
            statement.execute("DROP DATABASE IF EXISTS " + checked(database) + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + checked(database));
        });
    }

    private static String checked(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a database name: " + database);
        }
        return database;
    }

    private interface AdminWork {
        void run(Statement statement) throws SQLException;
    }

    private void withAdmin(AdminWork work) {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        // the driver directly, not DriverManager: it must work inside Maven's class loaders too (the run command)
        try (Connection connection = new org.postgresql.Driver().connect(jdbcUrl("postgres"), credentials);
                Statement statement = connection.createStatement()) {
            work.run(statement);
        } catch (SQLException e) {
            throw new StackException("PostgreSQL at " + host + ":" + port + " (user " + user + ") is not usable: "
                    + e.getMessage() + ". Start it (on Debian: pg_ctlcluster 15 main start) or set INTERDICT_DB_HOST,"
                    + " INTERDICT_DB_PORT, INTERDICT_DB_USER and INTERDICT_DB_PASSWORD.", e);
        }
    }
}
