package org.interdict.clearance.request;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.interdict.clearance.ClearanceConfig;
import org.interdict.commons.outbox.Outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;

/**
 * Keeps decisions by group commit: each fsync of the database's log then covers every decision waiting, not one.
 * A request is answered only once its decision and event are committed.
 */
@Startup
@ApplicationScoped
public class DecisionJournal {

    /** How long a stopping service may take to write the decisions still waiting. */
    private static final Duration DRAIN_ON_STOP = Duration.ofSeconds(20);

    @Inject
    ClearanceConfig config;

    @Inject
    DecisionWriter writer;

    @Inject
    DecisionMetrics metrics;

    private GroupCommit<KeptDecision> commit;

    @PostConstruct
    void start() {
        commit = GroupCommit.start("decision-journal", config.journal().maxBatch(), config.journal().capacity(),
                writer::writeAll, metrics::committed);
        metrics.watch(commit);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        commit.close(DRAIN_ON_STOP);
    }

    /**
     * Hands the decision and its event to the writer without waiting for it: no thread is held while they wait.
     *
     * @return completes once both are committed, or fails with why they were not (the database's reason, shared by
     *         the whole batch, or {@link GroupCommit.Refused} when the service stops first)
     * @throws GroupCommit.Refused when too many decisions wait already, or the service is stopping
     */
    CompletableFuture<Void> keep(ClearanceRecord record, Outbox.Entry event) {
        return commit.submit(new KeptDecision(record, event));
    }

    /** Decisions waiting for the next commit. */
    int queued() {
        return commit.queued();
    }
}
