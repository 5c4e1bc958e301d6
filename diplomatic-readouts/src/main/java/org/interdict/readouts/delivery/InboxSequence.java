package org.interdict.readouts.delivery;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SortedSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Hands out inbox positions per nation. The upsert locks the nation's counter row until the transaction ends, so a
 * second publisher to that nation waits and takes the next number only after the first committed (or reuses it after
 * a rollback): positions become visible in increasing order with no gaps, and a reader paging "after position n"
 * can never miss a row that commits later. The price is that publishing to one nation is serialized, which
 * readouts (a few a day) can afford. Nations are locked in sorted order so two publishers never deadlock.
 */
@ApplicationScoped
public class InboxSequence {

    /**
     * One statement for every recipient, so that a readout to fifty nations costs one round trip instead of a hundred:
     * each nation's counter moves on by one and its PENDING delivery takes the new position.
     */
    private static final String APPEND = """
            WITH positions AS (
                INSERT INTO inbox_sequence AS s (nation, last_seq)
                SELECT nation, 1 FROM unnest(?) AS nation ORDER BY nation
                ON CONFLICT (nation) DO UPDATE SET last_seq = s.last_seq + 1
                RETURNING nation, last_seq)
            INSERT INTO delivery (readout_id, nation, inbox_seq, status, added_at)
            SELECT ?, nation, last_seq, ?, ? FROM positions""";

    @Inject
    EntityManager entityManager;

    /** Appends a PENDING delivery of the readout to the end of each nation's inbox. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID readoutId, Instant addedAt, SortedSet<String> nations) {
        entityManager.flush(); // the readout row, which the deliveries reference
        entityManager.unwrap(Session.class).doWork(connection -> {
            Array codes = connection.createArrayOf("varchar", nations.toArray());
            try (PreparedStatement append = connection.prepareStatement(APPEND)) {
                append.setArray(1, codes);
                append.setObject(2, readoutId);
                append.setString(3, DeliveryStatus.PENDING.name());
                append.setObject(4, OffsetDateTime.ofInstant(addedAt, ZoneOffset.UTC));
                append.executeUpdate();
            } finally {
                codes.free();
            }
        });
    }
}
