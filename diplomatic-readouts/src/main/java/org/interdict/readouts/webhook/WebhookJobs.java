package org.interdict.readouts.webhook;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.interdict.readouts.readout.Readout;

/** Schedules a readout for every webhook of its recipient nations, in the publishing transaction. */
@ApplicationScoped
public class WebhookJobs {

    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(Readout readout, Collection<String> nations) {
        List<Webhook> webhooks = Webhook.list("nation in ?1", nations);
        for (Webhook webhook : webhooks) {
            WebhookJob job = new WebhookJob();
            job.webhookId = webhook.id;
            job.readoutId = readout.id;
            job.nation = webhook.nation;
            job.state = WebhookJob.State.PENDING;
            job.attempts = 0;
            job.createdAt = readout.publishedAt;
            job.nextAttemptAt = readout.publishedAt;
            job.persist();
        }
    }
}
