package org.interdict.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * The tamper-evident audit log: appends happen on one writer thread (never on the event loop), each under a
 * transaction-scoped advisory lock so that several gateway instances still extend one chain without forking it.
 * Verification runs on the same thread, after every append queued before it.
 * <p>
 * An entry whose append fails is not dropped: the writer retries it, with growing pauses, until it is stored, and
 * the entries behind it wait, so the chain keeps the calls' order. Meanwhile {@link #writable()} is false and the
 * front door refuses new write calls with 503, so that no more writes are made than the log can account for. Only
 * entries still unwritten when the gateway stops are lost, and each is then logged in full at ERROR.
 */
@ApplicationScoped
public class AuditLog {

    /** What {@code GET /api/audit/verify} answers. */
    public record Verification(boolean valid, long entries, Long firstBrokenEntry) {
    }

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    /** The advisory lock key of the chain's head ("audit" in ASCII). */
    private static final long CHAIN_LOCK = 0x6175646974L;

    @Inject
    AgroalDataSource dataSource;

    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private volatile boolean failing;
    private volatile boolean stopping;

    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "audit-writer");
        thread.setDaemon(true);
        return thread;
    });

    public void append(AuditEntry entry) {
        writer.execute(() -> writeUntilStored(entry));
    }

    /** False while an append is failing: write calls must wait until the log can account for them. */
    public boolean writable() {
        return !failing;
    }

    private void writeUntilStored(AuditEntry entry) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                write(entry);
                if (failing) {
                    LOG.infof("The audit log is written again, from request %s on", entry.requestId());
                }
                failing = false;
                return;
            } catch (SQLException | RuntimeException e) {
                failing = true;
                if (stopping) {
                    // kept in the log so that an operator can restore it; the chain stays valid without it
                    LOG.errorf("Audit entry not stored, the gateway is stopping: %s (%s)", entry, e.getMessage());
                    return;
                }
                LOG.warnf("Could not append to the audit log, retrying in %d ms: %s", pause.toMillis(), e.getMessage());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    LOG.errorf("Audit entry not stored, the writer was interrupted: %s", entry);
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    public CompletionStage<Verification> verify() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return check();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the audit log", e);
            }
        }, writer);
    }

    private void write(AuditEntry entry) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, CHAIN_LOCK);
                    lock.execute();
                }
                long id = 1;
                String previous = AuditEntry.GENESIS;
                try (PreparedStatement head = connection.prepareStatement(
                        "SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1");
                        ResultSet row = head.executeQuery()) {
                    if (row.next()) {
                        id = row.getLong(1) + 1;
                        previous = row.getString(2);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (id, recorded_at,"
                        + " username, subject, nation, roles, method, route, status, request_id, previous_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, id);
                    insert.setTimestamp(2, Timestamp.from(entry.recordedAt()));
                    insert.setString(3, entry.username());
                    insert.setString(4, entry.subject());
                    insert.setString(5, entry.nation());
                    insert.setString(6, entry.roles());
                    insert.setString(7, entry.method());
                    insert.setString(8, entry.route());
                    insert.setInt(9, entry.status());
                    insert.setString(10, entry.requestId());
                    insert.setString(11, previous);
                    insert.setString(12, entry.hash(id, previous));
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Verification check() throws SQLException {
        long entries = 0;
        String previous = AuditEntry.GENESIS;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id, recorded_at, username, subject,"
                        + " nation, roles, method, route, status, request_id, previous_hash, hash FROM audit_entry"
                        + " ORDER BY id")) {
            select.setFetchSize(1000);
            connection.setAutoCommit(false);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries++;
                    long id = row.getLong(1);
                    AuditEntry entry = new AuditEntry(row.getTimestamp(2).toInstant(), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            row.getInt(9), row.getString(10));
                    String hash = row.getString(12);
                    if (!previous.equals(row.getString(11)) || !entry.hash(id, previous).equals(hash)) {
                        return new Verification(false, countAll(connection), id);
                    }
                    previous = hash;
                }
            }
            connection.commit();
        }
        return new Verification(true, entries, null);
    }

    private static long countAll(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM audit_entry");
                ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Appends already queued are written before the gateway stops. */
    @PreDestroy
    void drain() throws InterruptedException {
        stopping = true;
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("The audit writer did not finish its queue in time");
        }
    }
}
