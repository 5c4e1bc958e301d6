package org.interdict.clearance.request;

import java.time.Duration;
import java.util.concurrent.CompletionException;

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
 * A request returns only once its decision and event are committed.
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
     * Returns once the decision and its event are committed.
     *
     * @throws GroupCommit.Refused when too many decisions wait already, or the service is stopping
     * @throws RuntimeException why the decision was not kept (the database's, shared by its whole batch)
     */
    void keep(ClearanceRecord record, Outbox.Entry event) {
        try {
            commit.submit(new KeptDecision(record, event)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Decisions waiting for the next commit. */
    int queued() {
        return commit.queued();
    }
}
