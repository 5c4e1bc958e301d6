package org.interdict.registry.events;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import org.interdict.commons.outbox.Outbox;
import org.interdict.registry.designation.Designation;
import org.interdict.registry.vessel.Vessel;

/**
 * Writes the registry's events into the outbox, inside the transaction of the change they announce. The caller holds
 * the vessel's row lock (see {@code Vessels.lock}), so a vessel's versions and outbox rows follow the order of its
 * changes.
 */
@ApplicationScoped
public class RegistryEvents {

    public static final String VESSEL_STATUS_TOPIC = "registry.vessel-status.v1";
    public static final String DESIGNATIONS_TOPIC = "registry.designations.v1";
    public static final String HEARTBEAT_TOPIC = "registry.heartbeat.v1";
    public static final String HEARTBEAT_KEY = "registry";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    /** Gives the vessel its next version and records its whole status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void vesselChanged(Vessel vessel) {
        vesselChanged(vessel, nextChanges(1).get(0));
    }

    /** Records the vessel's whole status under a version from {@link #nextChanges}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void vesselChanged(Vessel vessel, long version) {
        record(status(vessel, version));
    }

    /** A listing or delisting, after {@link #vesselChanged} has recorded the vessel's new status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void designationChanged(Vessel vessel, Designation designation) {
        record(designation(vessel, designation));
    }

    /**
     * Gives the vessel this version from {@link #nextChanges} and answers its whole status as an event, for
     * {@link #recordAll} with the other changes of an import batch.
     */
    public Outbox.Entry status(Vessel vessel, long version) {
        Instant now = Instant.now();
        vessel.version = version;
        vessel.updatedAt = now;
        VesselStatusEvent event = VesselStatusEvent.of(vessel, now);
        return new Outbox.Entry(VESSEL_STATUS_TOPIC, vessel.imo, VesselStatusEvent.TYPE, event.eventId(), event);
    }

    /** A listing or delisting as an event, to follow the vessel's {@link #status} in {@link #recordAll}. */
    public Outbox.Entry designation(Vessel vessel, Designation designation) {
        DesignationEvent event = DesignationEvent.of(vessel, designation, Instant.now());
        return new Outbox.Entry(DESIGNATIONS_TOPIC, vessel.imo, event.eventType(), event.eventId(), event);
    }

    /** Records events in their order with one batched insert (an import batch's, hundreds at a time). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Outbox.Entry> entries) {
        outbox.recordAll(entries);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void heartbeat() {
        Number latest = (Number) entityManager.createNativeQuery("SELECT COALESCE(MAX(version), 0) FROM vessel")
                .getSingleResult();
        HeartbeatEvent event = HeartbeatEvent.of(latest.longValue(), Instant.now());
        outbox.record(HEARTBEAT_TOPIC, HEARTBEAT_KEY, HeartbeatEvent.TYPE, event.eventId(), event);
    }

    /**
     * The next {@code count} change numbers, in order, in one round trip; without flushing the session first (an
     * import holds hundreds of vessels in it, and the sequence reads none of them).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> nextChanges(int count) {
        @SuppressWarnings("unchecked")
        List<Number> numbers = entityManager
                .createNativeQuery("SELECT nextval('registry_change_seq') FROM generate_series(1, :count)")
                .setParameter("count", count).setFlushMode(FlushModeType.COMMIT).getResultList();
        return numbers.stream().map(Number::longValue).sorted().toList();
    }

    private void record(Outbox.Entry entry) {
        outbox.record(entry.topic(), entry.key(), entry.type(), entry.eventId(), entry.payload());
    }
}
