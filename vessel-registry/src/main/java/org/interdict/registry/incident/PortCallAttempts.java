package org.interdict.registry.incident;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.interdict.commons.outbox.ProcessedEvents;
import org.interdict.registry.identity.ImoNumber;

/**
 * Keeps port-clearance's decisions as the vessels' port-call attempts, a consumer poll's worth in the caller's
 * transaction and a few statements: one records the event ids as processed and answers the new ones, one finds which
 * of their vessels the registry knows, one JDBC batch inserts the attempts. A decision about a vessel the registry
 * does not know is skipped and handed back, for the caller to log in that decision's trace. The vessels are not
 * locked: an attempt does not change a vessel's status.
 */
@ApplicationScoped
public class PortCallAttempts {

    @Inject
    ProcessedEvents processed;

    @Inject
    EntityManager entityManager;

    /**
     * Records the decisions not yet applied by {@code consumer}; answers those of them skipped because they name no
     * vessel the registry knows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ClearanceDecided> record(List<ClearanceDecided> decisions, String consumer) {
        Map<UUID, ClearanceDecided> byId = new LinkedHashMap<>();
        decisions.forEach(decision -> byId.putIfAbsent(decision.eventId(), decision));
        Set<UUID> first = processed.firstDeliveries(byId.keySet(), consumer);
        List<ClearanceDecided> fresh = new ArrayList<>();
        List<ClearanceDecided> skipped = new ArrayList<>();
        for (ClearanceDecided decision : byId.values()) {
            if (first.contains(decision.eventId())) {
                (decision.imo() == null || ImoNumber.problem(decision.imo()).isPresent() ? skipped : fresh).add(decision);
            }
        }
        if (fresh.isEmpty()) {
            return skipped;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            Set<String> known = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT imo FROM vessel WHERE imo = ANY(?)")) {
                select.setArray(1, connection.createArrayOf("varchar",
                        fresh.stream().map(decision -> ImoNumber.normalise(decision.imo())).distinct().toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        known.add(rows.getString(1));
                    }
                }
            }
            int recorded = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO port_call_attempt"
                    + " (id, imo, clearance_id, port, decision, decided_at, nation) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (ClearanceDecided decision : fresh) {
                    String imo = ImoNumber.normalise(decision.imo());
                    if (!known.contains(imo)) {
                        skipped.add(decision);
                        continue;
                    }
                    Instant decidedAt = decision.decidedAt() != null ? decision.decidedAt() : Instant.now();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, imo);
                    insert.setString(3, decision.clearanceId());
                    insert.setString(4, decision.port());
                    insert.setString(5, decision.decision());
                    insert.setObject(6, OffsetDateTime.ofInstant(decidedAt, ZoneOffset.UTC));
                    insert.setString(7, decision.nation());
                    insert.addBatch();
                    recorded++;
                }
                if (recorded > 0) {
                    insert.executeBatch();
                }
            }
        });
        return skipped;
    }
}
