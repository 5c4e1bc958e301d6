package org.interdict.commons.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aLostOrRefusedConnectionAnywhereInTheChainIsAnOutage() {
        assertTrue(DatabaseUnavailable.isCause(new IllegalStateException("commit failed",
                new SQLNonTransientConnectionException("Connection to 127.0.0.1:5432 refused"))));
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new SQLTransientConnectionException("reset"))));
        assertTrue(DatabaseUnavailable.isCause(new JDBCConnectionException("lost", new SQLException("I/O error"))));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void aCommitCutOffByALostConnectionIsAnOutage() {
        // as Narayana reports it: the connection's failure is suppressed by the RollbackException, not its cause
        RuntimeException commit = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new Exception("Error trying to transactionCommit local transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException("Error invoking subclass method", commit)));
    }

    @Test
    void aFailureOfTheWorkItselfIsNot() {
        assertFalse(DatabaseUnavailable.isCause(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint"), "vessel_pkey")));
        assertFalse(DatabaseUnavailable.isCause(new IllegalArgumentException("bad payload")));
    }
}
