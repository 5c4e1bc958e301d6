package org.interdict.registry.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.interdict.commons.database.DatabaseUnavailable;
import org.interdict.commons.outbox.ProcessedEvents;
import org.interdict.commons.trace.EventSpans;
import org.interdict.registry.access.Actor;
import org.interdict.registry.identity.ImoNumber;
import org.interdict.registry.vessel.Vessel;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * What port-clearance tells the registry: a seizure becomes a SEIZURE incident, and every decision a port-call attempt
 * of the vessel. Each event takes effect once (processed event ids commit with the effect). An event about a vessel
 * the registry does not know is logged and skipped. A database outage is waited out; another failure is retried,
 * and one that persists fails the message, which the channel's failure strategy keeps on a dead-letter topic rather
 * than losing it. Each record is processed in a span of the trace it carries. Inspections come one at a time (a
 * seizure is rare); decisions come by the poll, as many as clearance makes.
 */
@ApplicationScoped
public class ClearanceEvents {

    private static final Logger LOG = Logger.getLogger(ClearanceEvents.class);
    private static final String CONSUMER = "vessel-registry";
    private static final int ATTEMPTS = 5;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    /** Who the registry records as reporting what port-clearance announced. */
    private static final String PORT_CLEARANCE = "port-clearance";

    @Inject
    Incidents incidents;

    @Inject
    ProcessedEvents processed;

    @Inject
    PortCallAttempts portCalls;

    @Inject
    ObjectMapper json;

    @Inject
    EventSpans spans;

    private final Counter decisionTransactions;

    @Inject
    ClearanceEvents(MeterRegistry metrics) {
        decisionTransactions = Counter.builder("registry.clearance.decision.transactions")
                .description("Committed transactions that applied clearance decisions: one per poll, one per record"
                        + " of a poll that failed as a whole")
                .register(metrics);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InspectionRecorded(UUID eventId, String eventType, String clearanceId, String imo, String port,
            String outcome, String notes, Instant inspectedAt, String nation) {
    }

    @Incoming("clearance-inspections")
    @Blocking(ordered = true)
    public void inspectionRecorded(ConsumerRecord<String, String> record) throws JsonProcessingException {
        spans.process(record, () -> applyInspection(record.value()));
    }

    private void applyInspection(String payload) throws JsonProcessingException {
        InspectionRecorded event = json.readValue(payload, InspectionRecorded.class);
        if (!"InspectionRecorded".equals(event.eventType()) || event.eventId() == null) {
            return;
        }
        retrying(() -> {
            recordSeizure(event);
            return null;
        }, ATTEMPTS);
    }

    private void recordSeizure(InspectionRecorded event) {
        if (!processed.firstDelivery(event.eventId(), CONSUMER) || !"SEIZED".equals(event.outcome())) {
            return;
        }
        if (event.nation() == null || event.port() == null) {
            LOG.warnf("Skipping seizure event %s: it names no nation or port", event.eventId());
            return;
        }
        withKnownVessel(event.imo(), event.eventId(), vessel -> incidents.record(vessel, IncidentType.SEIZURE,
                event.inspectedAt() != null ? event.inspectedAt() : Instant.now(), event.port(), null,
                event.notes(), new Actor(PORT_CLEARANCE, event.nation())));
    }

    /**
     * A poll's decisions in one transaction (one WAL flush for hundreds under clearance load). If the batch fails
     * for a reason other than a database outage, its records are applied one by one, so that only a poisoned one
     * goes to the dead-letter topic.
     */
    @Incoming("clearance-decisions")
    @Blocking(ordered = true)
    public CompletionStage<Void> clearanceDecided(KafkaRecordBatch<String, String> batch) {
        List<ConsumerRecord<String, String>> records = batch.getRecords().stream().map(ClearanceEvents::consumerRecord)
                .toList();
        try {
            spans.processAll(records, () -> {
                List<ClearanceDecided> decisions = new ArrayList<>();
                Map<UUID, ConsumerRecord<String, String>> recordOf = new HashMap<>();
                for (ConsumerRecord<String, String> record : records) {
                    decision(record.value()).ifPresent(decision -> {
                        decisions.add(decision);
                        recordOf.putIfAbsent(decision.eventId(), record);
                    });
                }
                applyDecisions(decisions, 1).forEach(skipped ->
                        spans.inTraceOf(recordOf.get(skipped.eventId()), () -> logSkipped(skipped)));
            });
        } catch (JsonProcessingException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return redeliveredAfterRestart();
            }
            LOG.warnf("A batch of %d clearance decisions failed (%s), applying them one by one", records.size(),
                    e.getMessage());
            return oneByOne(batch);
        }
        return batch.ack();
    }

    private CompletionStage<Void> oneByOne(KafkaRecordBatch<String, String> batch) {
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                spans.process(consumerRecord(record), () -> applyDecisions(decision(record.getPayload()).stream()
                        .toList(), ATTEMPTS).forEach(ClearanceEvents::logSkipped));
            } catch (JsonProcessingException | RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return redeliveredAfterRestart();
                }
                deadLettered.add(record.nack(e).toCompletableFuture());
            }
        }
        // the batch's offsets are committed only once its failed records are on the dead-letter topic
        return CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /** Shutting down: the batch is neither acknowledged nor dead-lettered, so it is delivered again after a restart. */
    private static CompletionStage<Void> redeliveredAfterRestart() {
        return CompletableFuture.completedFuture(null);
    }

    private Optional<ClearanceDecided> decision(String payload) throws JsonProcessingException {
        ClearanceDecided event = json.readValue(payload, ClearanceDecided.class);
        return "ClearanceDecided".equals(event.eventType()) && event.eventId() != null ? Optional.of(event)
                : Optional.empty();
    }

    /** Answers the decisions skipped because they name no vessel the registry knows. */
    private List<ClearanceDecided> applyDecisions(List<ClearanceDecided> decisions, int attempts) {
        if (decisions.isEmpty()) {
            return List.of();
        }
        List<ClearanceDecided> skipped = retrying(() -> portCalls.record(decisions, CONSUMER), attempts);
        decisionTransactions.increment();
        return skipped;
    }

    private static void logSkipped(ClearanceDecided decision) {
        if (decision.imo() == null || ImoNumber.problem(decision.imo()).isPresent()) {
            LOG.warnf("Skipping event %s: %s is not an IMO number", decision.eventId(), decision.imo());
        } else {
            LOG.infof("Skipping event %s about vessel %s, which the registry does not know", decision.eventId(),
                    decision.imo());
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
    }

    private void withKnownVessel(String imo, UUID eventId, Consumer<Vessel> effect) {
        if (imo == null || ImoNumber.problem(imo).isPresent()) {
            LOG.warnf("Skipping event %s: %s is not an IMO number", eventId, imo);
            return;
        }
        incidents.known(ImoNumber.normalise(imo)).ifPresentOrElse(effect,
                () -> LOG.infof("Skipping event %s about vessel %s, which the registry does not know", eventId, imo));
    }

    /**
     * Applies the work in its own transaction. While the database is out of reach it waits and tries again for as
     * long as that lasts (at most 30 s apart), so an outage delays events instead of dead-lettering them; any other
     * failure is tried {@code attempts} times.
     */
    private static <T> T retrying(Supplier<T> work, int attempts) {
        Duration pause = Duration.ofMillis(400);
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                boolean outage = DatabaseUnavailable.isCause(e);
                if (!outage && attempt >= attempts) {
                    throw e;
                }
                LOG.warnf("Applying a clearance event failed (%s), retrying in %d ms: %s",
                        outage ? "database unavailable" : "attempt " + attempt + " of " + attempts, pause.toMillis(),
                        e.getMessage());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
