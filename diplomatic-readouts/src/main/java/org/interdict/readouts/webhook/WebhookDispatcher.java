package org.interdict.readouts.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.interdict.commons.membership.Membership;
import org.interdict.readouts.ReadoutsConfig;
import org.interdict.readouts.delivery.Deliveries;
import org.interdict.readouts.metrics.ReadoutMetrics;
import org.interdict.readouts.readout.Readout;
import org.interdict.readouts.readout.ReadoutViews;
import org.interdict.readouts.readout.Viewer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * POSTs due webhook jobs. Every request is asynchronous with its own timeout, so a dead endpoint holds up only its own
 * jobs. Claiming a job pushes its next attempt past the longest an attempt can take (a lease), so replicas and polls
 * never send one job twice at once, and a replica that dies mid-attempt leaves the job to be retried.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    ReadoutsConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    ReadoutViews views;

    @Inject
    Deliveries deliveries;

    @Inject
    ReadoutMetrics metrics;

    @Inject
    ObjectMapper json;

    @Inject
    Membership membership;

    private HttpClient client;
    private ScheduledExecutorService poller;
    private ExecutorService recorder;

    /** A claimed job with all it takes to send it outside a transaction; held while its nation is suspended. */
    private record Send(long jobId, UUID webhookId, String url, String secret, UUID readoutId, String nation,
            int attempt, String body, boolean held) {
    }

    void start(@Observes StartupEvent startup) {
        client = HttpClient.newBuilder().connectTimeout(config.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "webhook-poller"));
        recorder = Executors.newFixedThreadPool(2, runnable -> daemon(runnable, "webhook-recorder"));
        long interval = config.webhooks().pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        poller.shutdownNow();
        recorder.shutdown();
    }

    void poll() {
        try {
            List<Send> sends;
            do {
                sends = QuarkusTransaction.requiringNew().call(this::claimDue);
                sends.forEach(this::send);
            } while (sends.size() == config.webhooks().batchSize());
        } catch (Exception e) {
            LOG.warnf("Webhook jobs not claimed this time: %s", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private List<Send> claimDue() throws Exception {
        Instant now = Instant.now();
        Instant leaseEnd = now.plus(config.webhooks().timeout().multipliedBy(2)).plusSeconds(5);
        List<Number> ids = entityManager.createNativeQuery("""
                UPDATE webhook_job SET next_attempt_at = ?1 WHERE id IN (
                    SELECT id FROM webhook_job WHERE state = 'PENDING' AND next_attempt_at <= ?2
                    ORDER BY next_attempt_at LIMIT ?3 FOR UPDATE SKIP LOCKED)
                RETURNING id""").setParameter(1, leaseEnd).setParameter(2, now)
                .setParameter(3, config.webhooks().batchSize()).getResultList();
        List<Send> sends = new ArrayList<>(ids.size());
        for (Number id : ids) {
            WebhookJob job = WebhookJob.findById(id.longValue());
            Webhook webhook = Webhook.findById(job.webhookId);
            Readout readout = Readout.findById(job.readoutId);
            // what the nation itself would see of the readout in its inbox
            String body = json.writeValueAsString(views.of(readout, Viewer.nation(job.nation)));
            sends.add(new Send(job.id, webhook.id, webhook.url, webhook.secret, job.readoutId, job.nation,
                    job.attempts + 1, body, !membership.isActive(job.nation)));
        }
        return sends;
    }

    private void send(Send send) {
        if (send.held()) {
            // a suspended nation receives nothing; the attempt counts, so the author sees why and it ends in time
            recorder.execute(() -> record(send, null, new IllegalStateException("the recipient nation is suspended")));
            return;
        }
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(send.url()))
                .timeout(config.webhooks().timeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(send.secret(), timestamp, send.body()))
                .POST(HttpRequest.BodyPublishers.ofString(send.body()))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenCompleteAsync((response, failure) -> record(send, response, failure), recorder);
    }

    private void record(Send send, HttpResponse<?> response, Throwable failure) {
        try {
            QuarkusTransaction.requiringNew().run(() -> recordAttempt(send, response, failure));
        } catch (RuntimeException e) {
            // the lease runs out and the job is tried again
            LOG.warnf("Webhook attempt %d of job %d not recorded: %s", send.attempt(), send.jobId(), e.getMessage());
        }
    }

    private void recordAttempt(Send send, HttpResponse<?> response, Throwable failure) {
        WebhookJob job = WebhookJob.findById(send.jobId());
        if (job == null) {
            return; // the webhook was deleted meanwhile
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean delivered = response != null && response.statusCode() / 100 == 2;
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.readoutId = send.readoutId();
        attempt.nation = send.nation();
        attempt.webhookId = send.webhookId();
        attempt.attempt = send.attempt();
        attempt.attemptedAt = now;
        attempt.statusCode = response == null ? null : response.statusCode();
        attempt.error = delivered ? null : error(response, failure);
        job.attempts = send.attempt();
        if (delivered) {
            job.state = WebhookJob.State.DONE;
            attempt.outcome = "delivered";
            deliveries.markDelivered(List.of(send.readoutId()), send.nation());
        } else {
            Instant next = now.plus(backoff(send.attempt()));
            if (next.isAfter(job.createdAt.plus(config.webhooks().retryFor()))) {
                job.state = WebhookJob.State.ABANDONED;
                attempt.outcome = "abandoned";
            } else {
                job.nextAttemptAt = next;
                attempt.outcome = "failed";
            }
        }
        attempt.persist();
        metrics.webhookAttempt(attempt.outcome);
    }

    /** Exponential: the initial wait, doubled after each failure, capped. */
    Duration backoff(int attempt) {
        Duration initial = config.webhooks().initialBackoff();
        Duration wait = initial.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(config.webhooks().maxBackoff()) > 0 ? config.webhooks().maxBackoff() : wait;
    }

    private static String error(HttpResponse<?> response, Throwable failure) {
        if (response != null) {
            return "HTTP " + response.statusCode();
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
