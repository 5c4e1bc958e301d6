package org.interdict.commons.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure caused by the database being out of reach (connection refused or lost, no connection from the pool
 * in time) from one caused by the work itself. The first passes when the database is back, so callers answer 503 or
 * retry instead of giving up; the second will fail the same way again.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /**
     * Looks through the causes and what they suppressed: a commit cut off by a lost connection fails with a
     * RollbackException whose cause is not the connection's failure, which the transaction manager adds as suppressed.
     */
    public static boolean isCause(Throwable failure) {
        return isCause(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isCause(Throwable failure, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof JDBCConnectionException
                    // SQL state class 08: connection exception (PostgreSQL's driver: I/O error, connection closed)
                    || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || (cause.getMessage() != null && cause.getMessage().contains("Acquisition timeout"))) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isCause(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
