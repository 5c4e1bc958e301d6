package org.interdict.readouts.readout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.interdict.commons.outbox.Outbox;
import org.interdict.commons.problem.ProblemException;
import org.interdict.readouts.delivery.Deliveries;
import org.interdict.readouts.metrics.ReadoutMetrics;
import org.interdict.readouts.webhook.WebhookJobs;

/** Publishing: the readout, one delivery per recipient, webhook jobs and the outbox event commit together. */
@ApplicationScoped
public class ReadoutService {

    /** The Korean War began in 1950: nothing this coalition discusses happened earlier. */
    private static final LocalDate EARLIEST_MEETING = LocalDate.of(1950, 1, 1);

    @Inject
    Readouts readouts;

    @Inject
    Deliveries deliveries;

    @Inject
    WebhookJobs webhookJobs;

    @Inject
    Outbox outbox;

    @Inject
    ReadoutMetrics metrics;

    @Transactional
    public Readout publish(Author author, PublishReadout request) {
        SortedSet<String> nations = recipients(request.releasableTo());
        // a day's grace: the meeting may be "today" in a time zone ahead of UTC
        if (request.meetingDate().isBefore(EARLIEST_MEETING)
                || request.meetingDate().isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            throw ProblemException.invalid("meetingDate", "must be a past meeting, not before " + EARLIEST_MEETING);
        }
        if (request.supersedes() != null && readouts.visible(request.supersedes(), author.asViewer()).isEmpty()) {
            throw ProblemException.invalid("supersedes", "names no readout your nation can see");
        }
        Readout readout = new Readout();
        readout.title = request.title().strip();
        readout.meetingDate = request.meetingDate();
        readout.body = request.body();
        readout.tlp = request.tlp();
        readout.authorNation = author.nation();
        readout.author = author.name();
        readout.supersedes = request.supersedes();
        return distribute(readout, nations);
    }

    /** A notice generated from an event; {@code sourceEventId} makes a second notice for the same event fail. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Readout publishNotice(String title, LocalDate date, String body, SortedSet<String> nations,
            UUID sourceEventId) {
        Readout readout = new Readout();
        readout.title = title;
        readout.meetingDate = date;
        readout.body = body;
        readout.tlp = Tlp.GREEN;
        readout.author = Author.SYSTEM.name();
        readout.sourceEventId = sourceEventId;
        return distribute(readout, nations);
    }

    private Readout distribute(Readout readout, SortedSet<String> nations) {
        readout.id = UUID.randomUUID();
        readout.publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        readout.persist();
        deliveries.record(readout, nations);
        webhookJobs.schedule(readout, nations);
        ReadoutPublished event = ReadoutPublished.of(readout, List.copyOf(nations));
        outbox.record(ReadoutPublished.TOPIC, readout.id.toString(), ReadoutPublished.TYPE, event.eventId(), event);
        metrics.published(readout);
        return readout;
    }

    /** Checked against ISO 3166-1, not against membership: non-members may be promised readouts too. */
    private static SortedSet<String> recipients(List<String> releasableTo) {
        SortedSet<String> nations = new TreeSet<>();
        for (int i = 0; i < releasableTo.size(); i++) {
            if (!NationCodes.isAlpha3(releasableTo.get(i))) {
                throw ProblemException.invalid("releasableTo[" + i + "]", "is not an ISO 3166-1 alpha-3 code");
            }
            nations.add(releasableTo.get(i));
        }
        return nations;
    }
}
