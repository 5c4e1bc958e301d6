package org.interdict.clearance.request;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.interdict.commons.outbox.Outbox;

/**
 * Writes decisions with their events in one transaction: the decisions as one JDBC batch (one round trip however
 * many), then the events, in the same order, so each vessel's events keep the order of its decisions.
 */
@ApplicationScoped
public class DecisionWriter {

    /** The columns of {@link ClearanceRecord}, in the order {@link #writeAll} binds them. */
    private static final String INSERT = "INSERT INTO clearance_request (id, imo, name, flag, port, decision,"
            + " reason_codes, risk_profile, request_json, answer_json, replica_version, heartbeat_at, username, nation,"
            + " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Transactional
    public void writeAll(List<KeptDecision> decisions) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (KeptDecision decision : decisions) {
                    ClearanceRecord record = decision.record();
                    insert.setObject(1, record.id);
                    insert.setString(2, record.imo);
                    insert.setString(3, record.name);
                    insert.setString(4, record.flag);
                    insert.setString(5, record.port);
                    insert.setString(6, record.decision);
                    insert.setString(7, record.reasonCodes);
                    insert.setString(8, record.riskProfile);
                    insert.setString(9, record.requestJson);
                    insert.setString(10, record.answerJson);
                    insert.setLong(11, record.replicaVersion);
                    insert.setObject(12, utc(record.heartbeatAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setString(13, record.username);
                    insert.setString(14, record.nation);
                    insert.setObject(15, utc(record.decidedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        outbox.recordAll(decisions.stream().map(KeptDecision::event).toList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
