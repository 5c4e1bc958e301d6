package org.interdict.readouts.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.interdict.commons.problem.ProblemException;
import org.interdict.readouts.readout.Readout;
import org.interdict.readouts.readout.Readouts;
import org.interdict.readouts.readout.Viewer;

/** Deliveries: recorded with the readout, moved forward by fetches and acknowledgements, shown to the author. */
@ApplicationScoped
public class Deliveries {

    @Inject
    InboxSequence inboxSequence;

    @Inject
    Readouts readouts;

    /** One PENDING delivery per nation, each at the end of its nation's inbox. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Readout readout, SortedSet<String> nations) {
        inboxSequence.append(readout.id, readout.publishedAt, nations);
    }

    /** The nation has fetched these readouts: their pending deliveries become DELIVERED (later states stay). */
    @Transactional
    public void markDelivered(Collection<UUID> readoutIds, String nation) {
        if (!readoutIds.isEmpty()) {
            Delivery.update("status = ?1, deliveredAt = ?2 where readout.id in ?3 and nation = ?4 and status = ?5",
                    DeliveryStatus.DELIVERED, Instant.now().truncatedTo(ChronoUnit.MICROS), readoutIds, nation, DeliveryStatus.PENDING);
        }
    }

    /** Idempotent: a second acknowledgement changes nothing and answers the first one's time. */
    @Transactional
    public DeliveryView acknowledge(UUID readoutId, Viewer viewer) {
        readouts.visible(readoutId, viewer).orElseThrow(() -> notFound(readoutId));
        Delivery delivery = Delivery.<Delivery>find("readout.id = ?1 and nation = ?2", readoutId, viewer.nation())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ProblemException.conflict(
                        "This readout was not released to " + viewer.nation() + ", so it cannot acknowledge it"));
        if (delivery.acknowledgedAt == null) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            delivery.status = DeliveryStatus.ACKNOWLEDGED;
            delivery.acknowledgedAt = now;
            if (delivery.deliveredAt == null) {
                delivery.deliveredAt = now;
            }
        }
        return DeliveryView.of(delivery);
    }

    /** For the author's nation and admins; anyone else, recipients included, gets the same 404 as a stranger. */
    @Transactional
    public List<DeliveryView> of(UUID readoutId, Viewer viewer) {
        overseen(readoutId, viewer);
        return Delivery.<Delivery>find("readout.id = ?1 order by nation", readoutId).stream()
                .map(DeliveryView::of).toList();
    }

    /** The readout, when the viewer may see its deliveries. */
    public Readout overseen(UUID readoutId, Viewer viewer) {
        return readouts.visible(readoutId, viewer).filter(viewer::oversees).orElseThrow(() -> notFound(readoutId));
    }

    public static ProblemException notFound(UUID readoutId) {
        return ProblemException.notFound("No readout " + readoutId);
    }
}
