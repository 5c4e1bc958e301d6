package org.interdict.readouts.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.interdict.commons.problem.ProblemException;
import org.interdict.readouts.ReadoutsConfig;

/** A nation's webhooks: each ministry manages its own nation's, and sees no other nation's. */
@ApplicationScoped
public class WebhookService {

    @Inject
    ReadoutsConfig config;

    /** Readouts published from now on go to it; earlier ones are in the inbox. */
    @Transactional
    public WebhookViews.Created register(String nation, String createdBy, String url) {
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.nation = nation;
        webhook.url = WebhookEndpoint.check(url, config.webhooks().allowInsecureLocalhost()).toString();
        webhook.secret = WebhookSignature.newSecret();
        webhook.createdBy = createdBy;
        webhook.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        webhook.persist();
        return WebhookViews.Created.of(webhook);
    }

    public List<WebhookViews.Listed> of(String nation) {
        return Webhook.<Webhook>find("nation = ?1 order by createdAt", nation).stream()
                .map(WebhookViews.Listed::of).toList();
    }

    /** Its pending deliveries go with it; attempts already made stay on record. */
    @Transactional
    public void delete(String nation, UUID id) {
        if (Webhook.delete("id = ?1 and nation = ?2", id, nation) == 0) {
            throw ProblemException.notFound("No webhook " + id + " for " + nation);
        }
    }
}
