package org.interdict.readouts.inbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.interdict.readouts.delivery.Deliveries;
import org.interdict.readouts.delivery.Delivery;
import org.interdict.readouts.delivery.DeliveryStatus;
import org.interdict.readouts.readout.ReadoutView;
import org.interdict.readouts.readout.ReadoutViews;
import org.interdict.readouts.readout.Viewer;

/**
 * A nation's inbox: the readouts released to it in the order their positions were handed out, which is also the
 * order they committed in (see {@code InboxSequence}), so paging after a position never skips or repeats one.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    ReadoutViews views;

    @Inject
    Deliveries deliveries;

    /** Fetching is receiving: the readouts on the page become DELIVERED to the viewer's nation. */
    @Transactional
    public InboxPage page(Viewer viewer, long after, int limit) {
        List<Delivery> rows = Delivery.<Delivery>find(
                        "from Delivery d join fetch d.readout where d.nation = ?1 and d.inboxSeq > ?2 order by d.inboxSeq",
                        viewer.nation(), after)
                .page(0, limit + 1).list();
        boolean more = rows.size() > limit;
        List<Delivery> page = more ? rows.subList(0, limit) : rows;
        List<ReadoutView> readouts = views.of(page.stream().map(delivery -> delivery.readout).toList(), viewer);
        deliveries.markDelivered(readouts.stream().map(ReadoutView::id).toList(), viewer.nation());
        List<InboxEntry> items = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            Delivery delivery = page.get(i);
            // the bulk update above leaves loaded rows as they were: a pending one has just been delivered
            DeliveryStatus status = delivery.status == DeliveryStatus.PENDING ? DeliveryStatus.DELIVERED : delivery.status;
            items.add(new InboxEntry(InboxCursor.encode(delivery.inboxSeq), delivery.addedAt, status, readouts.get(i)));
        }
        return new InboxPage(items, more ? items.get(items.size() - 1).cursor() : null);
    }
}
