package org.interdict.commons.database;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure caused by the database being out of reach (connection refused or lost, no connection from the pool
 * in time) from one caused by the work itself. The first passes when the database is back, so callers answer 503 or
 * retry instead of giving up; the second will fail the same way again.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof JDBCConnectionException
                    || (cause.getMessage() != null && cause.getMessage().contains("Acquisition timeout"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
