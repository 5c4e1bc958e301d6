package org.interdict.readouts.designation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.interdict.commons.membership.Membership;
import org.interdict.commons.membership.MembershipReplica;
import org.interdict.commons.outbox.ProcessedEvents;
import org.interdict.commons.trace.EventSpans;
import org.interdict.readouts.readout.PublishReadout;
import org.interdict.readouts.readout.ReadoutService;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Turns each designation or delisting from the registry into a system readout (TLP GREEN) released to every active
 * member nation known then. A poll's notices and their events' processed marks commit together, so a redelivered
 * event makes no second notice. A failure is retried until it succeeds: the poll is acknowledged (and its offsets
 * committed) only after its notices exist, so none is lost.
 */
@ApplicationScoped
public class DesignationNotices {

    static final String CONSUMER = "diplomatic-readouts.designation-notices";
    private static final Logger LOG = Logger.getLogger(DesignationNotices.class);
    private static final int MAX_TITLE = 200;

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    Membership membership;

    @Inject
    @Readiness
    MembershipReplica membershipReplica;

    @Inject
    ReadoutService readouts;

    @Inject
    EventSpans spans;

    /** A poll's events in one transaction: a list import designates thousands of vessels at once. */
    @Incoming("designations")
    @Blocking
    public CompletionStage<Void> receive(KafkaRecordBatch<String, String> batch) throws InterruptedException {
        List<ConsumerRecord<String, String>> records = batch.getRecords().stream()
                .map(DesignationNotices::consumerRecord).toList();
        spans.processAll(records, () -> handle(records));
        return batch.ack();
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
    }

    private void handle(List<ConsumerRecord<String, String>> records) throws InterruptedException {
        List<DesignationEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            read(record.value()).ifPresent(events::add);
        }
        if (events.isEmpty()) {
            return;
        }
        Duration wait = Duration.ofMillis(500);
        while (true) {
            try {
                notify(events);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Notices for %d designation events from %s on not made yet, retrying in %s: %s",
                        events.size(), events.get(0).eventId(), wait, e.getMessage());
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : wait.multipliedBy(2);
            }
        }
    }

    private Optional<DesignationEvent> read(String payload) {
        DesignationEvent event;
        try {
            event = json.readValue(payload, DesignationEvent.class);
        } catch (Exception e) {
            LOG.errorf("Skipping an unreadable designation event: %s", e.getMessage());
            return Optional.empty();
        }
        if (!event.understood()) {
            LOG.warnf("Skipping designation event %s of type %s", event.eventId(), event.eventType());
            return Optional.empty();
        }
        return Optional.of(event);
    }

    private void notify(List<DesignationEvent> events) {
        if (membershipReplica.call().getStatus() != HealthCheckResponse.Status.UP) {
            throw new IllegalStateException("the membership replica has not caught up yet");
        }
        SortedSet<String> members = new TreeSet<>(membership.activeMembers());
        if (members.isEmpty()) {
            throw new IllegalStateException("no active member nation is known yet");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Set<UUID> first = new HashSet<>(processedEvents.firstDeliveries(
                    events.stream().map(DesignationEvent::eventId).toList(), CONSUMER));
            for (DesignationEvent event : events) {
                // removed once used: an event twice in one poll makes one notice
                if (first.remove(event.eventId())) {
                    readouts.publishNotice(title(event), date(event), body(event), members, event.eventId());
                }
            }
        });
    }

    private static String title(DesignationEvent event) {
        String title = (event.delisting() ? "Vessel delisted: " : "Vessel designated: ")
                + (event.vesselName() == null ? "unnamed vessel" : event.vesselName()) + " (IMO " + event.imo() + ")";
        return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
    }

    private static LocalDate date(DesignationEvent event) {
        LocalDate date = event.delisting() ? event.delistedOn() : event.listedOn();
        if (date != null) {
            return date;
        }
        return event.occurredAt() != null ? event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate()
                : LocalDate.now(ZoneOffset.UTC);
    }

    private static String body(DesignationEvent event) {
        String vessel = "the vessel " + (event.vesselName() == null ? "(name not given)" : event.vesselName())
                + " (IMO " + event.imo() + (event.flag() == null ? "" : ", flag " + event.flag()) + ")";
        String reference = event.reference() == null ? "" : " under reference " + event.reference();
        String text = event.delisting()
                ? event.authority() + " delisted " + vessel + reference + " on " + date(event) + "."
                : event.authority() + " designated " + vessel + reference + ", listed on " + date(event) + "."
                        + (event.basis() == null ? "" : "\nBasis: " + event.basis());
        return text.length() > PublishReadout.MAX_BODY ? text.substring(0, PublishReadout.MAX_BODY) : text;
    }
}
