package org.interdict.clearance.replica;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.interdict.commons.outbox.ProcessedEvents;

/** The replica's durable side: the latest status per IMO and the topic offsets it covers, committed together. */
@ApplicationScoped
public class ReplicaStore {

    static final String CONSUMER = "clearance-replica";

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
     * Stores the status unless its event was applied before or a newer version of the vessel is stored already.
     *
     * @return whether the stored status changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(VesselStatusEvent status, String payload) {
        if (!processedEvents.firstDelivery(status.eventId(), CONSUMER)) {
            return false;
        }
        return entityManager.createNativeQuery("""
                INSERT INTO vessel_status (imo, version, event_id, payload, applied_at) VALUES (?1, ?2, ?3, ?4, now())
                ON CONFLICT (imo) DO UPDATE SET version = EXCLUDED.version, event_id = EXCLUDED.event_id,
                    payload = EXCLUDED.payload, applied_at = EXCLUDED.applied_at
                WHERE vessel_status.version < EXCLUDED.version""")
                .setParameter(1, status.imo()).setParameter(2, status.version()).setParameter(3, status.eventId())
                .setParameter(4, payload).executeUpdate() == 1;
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
