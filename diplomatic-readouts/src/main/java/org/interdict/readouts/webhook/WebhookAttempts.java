package org.interdict.readouts.webhook;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.interdict.readouts.delivery.Deliveries;
import org.interdict.readouts.readout.Viewer;

/** The attempts to deliver a readout to a nation's webhooks, for those who see the readout's deliveries. */
@ApplicationScoped
public class WebhookAttempts {

    @Inject
    Deliveries deliveries;

    @Transactional
    public List<AttemptView> of(UUID readoutId, String nation, Viewer viewer) {
        deliveries.overseen(readoutId, viewer);
        return WebhookAttempt.<WebhookAttempt>find("readoutId = ?1 and nation = ?2 order by id", readoutId, nation)
                .stream().map(AttemptView::of).toList();
    }
}
