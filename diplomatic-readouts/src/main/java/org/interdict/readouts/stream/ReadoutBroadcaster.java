package org.interdict.readouts.stream;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.interdict.commons.membership.Membership;
import org.interdict.commons.trace.EventSpans;
import org.interdict.readouts.delivery.Deliveries;
import org.interdict.readouts.readout.Readout;
import org.interdict.readouts.readout.ReadoutPublished;
import org.interdict.readouts.readout.ReadoutView;
import org.interdict.readouts.readout.ReadoutViews;
import org.interdict.readouts.readout.Viewer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Pushes new readouts to the stream connections of their recipient nations. It is fed from our own
 * {@code readouts.published.v1} topic, read by every replica in full (a consumer group of its own), so a ministry
 * connected to any replica hears of a readout published through any other; the readout itself is read from the
 * database, the event carrying no text. Only readouts published after this replica started are pushed: a
 * connection catches up on what came before through the inbox.
 */
@ApplicationScoped
public class ReadoutBroadcaster {

    private static final Logger LOG = Logger.getLogger(ReadoutBroadcaster.class);

    private record Push(String nation, ReadoutView readout) {
    }

    private static final int BUFFER = 1000;

    private final BroadcastProcessor<Push> pushes = BroadcastProcessor.create();
    private final ConcurrentHashMap<String, AtomicInteger> connections = new ConcurrentHashMap<>();
    private final Instant startedAt = Instant.now();

    @Inject
    ObjectMapper json;

    @Inject
    ReadoutViews views;

    @Inject
    Deliveries deliveries;

    @Inject
    EventSpans spans;

    @Inject
    MeterRegistry registry;

    @Inject
    Membership membership;

    /** The readouts released to {@code nation} from now on, as that nation sees them. */
    public Multi<ReadoutView> follow(String nation) {
        AtomicInteger count = connections.computeIfAbsent(nation, code -> {
            AtomicInteger gauge = new AtomicInteger();
            registry.gauge("readouts.stream.connections", List.of(io.micrometer.core.instrument.Tag.of("nation", code)),
                    gauge);
            return gauge;
        });
        // a burst (a notice and a readout together) waits in a per-connection buffer rather than failing a slow client
        return pushes.filter(push -> push.nation().equals(nation)).onOverflow().buffer(BUFFER).map(Push::readout)
                .onSubscription().invoke(count::incrementAndGet)
                .onTermination().invoke(count::decrementAndGet);
    }

    public boolean isFollowed(String nation) {
        AtomicInteger count = connections.get(nation);
        return count != null && count.get() > 0;
    }

    /** Best effort: the inbox stays the record, so a push that fails is logged, not retried. */
    @Incoming("readouts-stream")
    @Blocking
    public void published(ConsumerRecord<String, String> record) {
        spans.process(record, () -> broadcast(record.value()));
    }

    private void broadcast(String payload) {
        try {
            ReadoutPublished event = json.readValue(payload, ReadoutPublished.class);
            if (event.publishedAt() == null || event.publishedAt().isBefore(startedAt)) {
                return;
            }
            // a nation suspended since it connected hears nothing more
            List<String> listening = event.releasableTo().stream()
                    .filter(nation -> isFollowed(nation) && membership.isActive(nation)).toList();
            if (!listening.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> push(event, listening));
            }
        } catch (Exception e) {
            LOG.warnf("A readout was not pushed to the stream: %s", e.getMessage());
        }
    }

    private void push(ReadoutPublished event, List<String> nations) {
        Readout readout = Readout.findById(event.readoutId());
        if (readout == null) {
            return;
        }
        for (String nation : nations) {
            ReadoutView view = views.of(readout, Viewer.nation(nation));
            deliveries.markDelivered(List.of(readout.id), nation);
            pushes.onNext(new Push(nation, view));
        }
    }
}
