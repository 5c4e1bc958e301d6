package org.interdict.readouts.metrics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.interdict.readouts.ReadoutsConfig;
import org.interdict.readouts.delivery.Delivery;
import org.interdict.readouts.delivery.DeliveryStatus;
import org.interdict.readouts.readout.Readout;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** The service's domain figures for Prometheus. */
@ApplicationScoped
public class ReadoutMetrics {

    private static final Logger LOG = Logger.getLogger(ReadoutMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    ReadoutsConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final AtomicLong pending = new AtomicLong();
    private ScheduledExecutorService executor;

    /** The gauge reads a count refreshed off the scrape path, so a scrape never waits for the database. */
    void start(@Observes StartupEvent startup) {
        registry.gauge("readouts.deliveries.pending", pending);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "readout-metrics");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.metricsRefresh().toMillis();
        executor.scheduleWithFixedDelay(this::countPending, 0, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        executor.shutdownNow();
    }

    private void countPending() {
        try {
            pending.set(QuarkusTransaction.requiringNew().call(() -> Delivery.count("status", DeliveryStatus.PENDING)));
        } catch (RuntimeException e) {
            LOG.debugf("Pending deliveries not counted this time: %s", e.getMessage());
        }
    }

    /** Counted when the publishing transaction commits: a rolled-back readout was never published. */
    public void published(Readout readout) {
        Counter counter = Counter.builder("readouts.published").description("Readouts published")
                .tag("kind", readout.authorNation == null ? "notice" : "readout").register(registry);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }

    /** One webhook attempt: {@code delivered}, {@code failed} (will retry) or {@code abandoned} (gave up). */
    public void webhookAttempt(String outcome) {
        Counter.builder("readouts.webhook.attempts").description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }
}
