package org.interdict.readouts.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Hands out inbox positions per nation. The upsert locks the nation's counter row until the transaction ends, so a
 * second publisher to that nation waits and takes the next number only after the first committed (or reuses it after
 * a rollback): positions become visible in increasing order with no gaps, and a reader paging "after position n"
 * can never miss a row that commits later. The price is that publishing to one nation is serialized, which
 * readouts (a few a day) can afford. Callers take nations in sorted order so two publishers never deadlock.
 */
@ApplicationScoped
public class InboxSequence {

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public long next(String nation) {
        Number next = (Number) entityManager.createNativeQuery("""
                INSERT INTO inbox_sequence (nation, last_seq) VALUES (?1, 1)
                ON CONFLICT (nation) DO UPDATE SET last_seq = inbox_sequence.last_seq + 1
                RETURNING last_seq""").setParameter(1, nation).getSingleResult();
        return next.longValue();
    }
}
