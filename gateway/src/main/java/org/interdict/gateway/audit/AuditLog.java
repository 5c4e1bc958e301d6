package org.interdict.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.interdict.gateway.proxy.GatewayConfig;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The tamper-evident audit log. Entries are queued and written by one writer thread (never on the event loop), which
 * waits a moment for more ({@code interdict.gateway.audit.linger}), then takes everything queued (up to
 * {@value #BATCH} entries) and appends it in one transaction: one transaction-scoped advisory lock, so that several
 * gateway instances still extend one chain without forking it, one read of the chain's head, and one batch insert
 * whose links are computed in queue order. One commit, so one WAL flush, thus serves every write call that ended while
 * the previous one was being written or the writer lingered. Verification runs on the same thread, after every append
 * queued before it.
 * <p>
 * A batch whose append fails is not dropped: the writer retries it, with growing pauses, until it is stored, and the
 * entries behind it wait, so the chain keeps the calls' order. Meanwhile, and while the queue is full
 * ({@code interdict.gateway.audit.queue-size}), {@link #reserve()} is false and the front door refuses new write calls
 * with 503, so that no more writes are made than the log can account for and a backlog does not grow the memory. A
 * write call the front door lets through has its place in the queue reserved, so its entry is always queued; the
 * entry of a call refused before that takes a free place, and only when there is none is it logged in full at ERROR
 * instead. Entries still unwritten when the gateway stops are lost too, each then logged in full at ERROR.
 */
@ApplicationScoped
public class AuditLog {

    /** What {@code GET /api/audit/verify} answers. */
    public record Verification(boolean valid, long entries, Long firstBrokenEntry) {
    }

    /** Rows per transaction at most: a large backlog is written in several transactions rather than one huge one. */
    static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    /** The advisory lock key of the chain's head ("audit" in ASCII). */
    private static final long CHAIN_LOCK = 0x6175646974L;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry registry;

    private final BlockingQueue<AuditEntry> queue = new LinkedBlockingQueue<>();
    /** Free places in the queue: taken when an entry is queued or reserved, given back once it is written. */
    private Semaphore places;
    private Counter transactions;

    private volatile boolean failing;
    private volatile boolean stopping;

    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "audit-writer");
        thread.setDaemon(true);
        return thread;
    });

    @PostConstruct
    void register() {
        places = new Semaphore(config.audit().queueSize());
        transactions = Counter.builder("audit.transactions")
                .description("Transactions that appended entries to the audit log (one or more each)")
                .register(registry);
        Gauge.builder("audit.queue", queue, Collection::size)
                .description("Audit entries waiting to be written")
                .register(registry);
    }

    /**
     * Takes a place in the queue for the entry of a write call about to be let through; false while appends are
     * failing or the queue is full, and the call must then be refused.
     */
    public boolean reserve() {
        return !failing && places.tryAcquire();
    }

    /**
     * Queues a call's entry, to be written after every entry queued before it.
     *
     * @param reserved whether the call took its place with {@link #reserve()}; if not, the entry takes a free one
     */
    public void append(AuditEntry entry, boolean reserved) {
        if (!reserved && !places.tryAcquire()) {
            LOG.errorf("Audit entry not stored, the audit queue is full: %s", entry);
            return;
        }
        queue.add(entry);
        try {
            writer.execute(this::writeQueued);
        } catch (RejectedExecutionException e) {
            if (queue.remove(entry)) {
                LOG.errorf("Audit entry not stored, the gateway is stopping: %s", entry);
            }
        }
    }

    /** Writes everything queued, a batch per transaction, until nothing is left. */
    private void writeQueued() {
        if (queue.isEmpty()) {
            // an earlier run took this task's entry with its own
            return;
        }
        lingerForMore();
        List<AuditEntry> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            writeUntilStored(batch);
            places.release(batch.size());
            batch.clear();
        }
    }

    /** Lets the calls ending in the next moments join this transaction (interdict.gateway.audit.linger). */
    private void lingerForMore() {
        long linger = config.audit().linger().toMillis();
        if (linger > 0 && !stopping && queue.size() < BATCH) {
            try {
                Thread.sleep(linger);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeUntilStored(List<AuditEntry> batch) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                write(batch);
                if (failing) {
                    LOG.infof("The audit log is written again, from request %s on", batch.get(0).requestId());
                }
                failing = false;
                return;
            } catch (SQLException | RuntimeException e) {
                failing = true;
                if (stopping) {
                    // kept in the log so that an operator can restore them; the chain stays valid without them
                    batch.forEach(entry -> LOG.errorf("Audit entry not stored, the gateway is stopping: %s (%s)",
                            entry, e.getMessage()));
                    return;
                }
                LOG.warnf("Could not append to the audit log, retrying in %d ms: %s", pause.toMillis(), e.getMessage());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    batch.forEach(entry -> LOG.errorf("Audit entry not stored, the writer was interrupted: %s", entry));
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

    private void write(List<AuditEntry> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                appendChained(connection, batch);
                connection.commit();
                transactions.increment();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Appends the entries, in order, to the chain's head within the connection's transaction, holding the chain's
     * lock until it ends; what every gateway instance does.
     *
     * @return the hash of the last entry, the chain's new head
     */
    static String appendChained(Connection connection, List<AuditEntry> batch) throws SQLException {
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
            for (AuditEntry entry : batch) {
                String hash = entry.hash(id, previous);
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
                insert.setString(12, hash);
                insert.addBatch();
                id++;
                previous = hash;
            }
            insert.executeBatch();
        }
        return previous;
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
