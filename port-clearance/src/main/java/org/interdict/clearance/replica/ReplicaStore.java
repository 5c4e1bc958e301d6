package org.interdict.clearance.replica;

import java.sql.PreparedStatement;
import java.util.HashMap;
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

/** The replica's durable side: the latest status per IMO and the topic offsets it covers, committed together. */
@ApplicationScoped
public class ReplicaStore {

    static final String CONSUMER = "clearance-replica";
    private static final String UPSERT = """
            INSERT INTO vessel_status (imo, version, event_id, payload, applied_at)
            SELECT u.imo, u.version, u.event_id, u.payload, now()
            FROM unnest(?::text[], ?::bigint[], ?::uuid[], ?::text[]) AS u(imo, version, event_id, payload)
            ON CONFLICT (imo) DO UPDATE SET version = EXCLUDED.version, event_id = EXCLUDED.event_id,
                payload = EXCLUDED.payload, applied_at = EXCLUDED.applied_at
            WHERE vessel_status.version < EXCLUDED.version""";

    @Inject
    EntityManager entityManager;

    @Inject
    ProcessedEvents processedEvents;

    /** Every stored status as the registry wrote it, to rebuild the in-memory picture at start. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> payloads() {
        return entityManager.createNativeQuery("SELECT payload FROM vessel_status").getResultList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Map<Integer, Long> offsets(String topic) {
        Map<Integer, Long> offsets = new HashMap<>();
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT partition, next_offset FROM replica_offset WHERE topic = ?1")
                .setParameter(1, topic).getResultList();
        for (Object[] row : rows) {
            offsets.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return offsets;
    }

    /**
     * Stores each status whose event was not applied before, unless a newer version of its vessel is stored already:
     * a poll's statuses in two statements, where a statement per status and one per processed mark took about a
     * third of the replica thread's time under a list import's thousands of statuses.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeAll(List<VesselStatusEvent> statuses, List<String> payloads) {
        Set<UUID> first = processedEvents.firstDeliveries(statuses.stream().map(VesselStatusEvent::eventId).toList(),
                CONSUMER);
        // one row per vessel, since a statement may not update a row twice: its highest version, which one by one
        // would have been the one left stored
        Map<String, Integer> latest = new HashMap<>();
        for (int i = 0; i < statuses.size(); i++) {
            VesselStatusEvent status = statuses.get(i);
            if (first.contains(status.eventId())) {
                latest.merge(status.imo(), i,
                        (kept, next) -> statuses.get(next).version() > statuses.get(kept).version() ? next : kept);
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        List<Integer> rows = List.copyOf(latest.values());
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setArray(1, connection.createArrayOf("text",
                        rows.stream().map(i -> statuses.get(i).imo()).toArray()));
                upsert.setArray(2, connection.createArrayOf("bigint",
                        rows.stream().map(i -> statuses.get(i).version()).toArray()));
                upsert.setArray(3, connection.createArrayOf("uuid",
                        rows.stream().map(i -> statuses.get(i).eventId()).toArray()));
                upsert.setArray(4, connection.createArrayOf("text", rows.stream().map(payloads::get).toArray()));
                upsert.executeUpdate();
            }
        });
    }

    /** Records that the replica has read the partition up to {@code nextOffset}; never moves backwards. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(String topic, int partition, long nextOffset) {
        entityManager.createNativeQuery("""
                INSERT INTO replica_offset (topic, partition, next_offset) VALUES (?1, ?2, ?3)
                ON CONFLICT (topic, partition) DO UPDATE
                    SET next_offset = GREATEST(replica_offset.next_offset, EXCLUDED.next_offset)""")
                .setParameter(1, topic).setParameter(2, partition).setParameter(3, nextOffset).executeUpdate();
    }
}
