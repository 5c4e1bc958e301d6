package org.interdict.clearance.request;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.interdict.clearance.decision.ClearanceDecider;
import org.interdict.clearance.decision.PreArrivalNotice;
import org.interdict.clearance.decision.Verdict;
import org.interdict.clearance.events.ClearanceDecided;
import org.interdict.clearance.replica.SanctionsPicture;
import org.interdict.commons.outbox.Outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decides a notice from memory and keeps the decision: its row and its event in the outbox, committed together by the
 * {@link DecisionJournal} with whatever other decisions are waiting. Nothing else is read or written on the way.
 */
@ApplicationScoped
public class ClearanceService {

    @Inject
    SanctionsPicture picture;

    @Inject
    ClearanceDecider decider;

    @Inject
    DecisionJournal journal;

    @Inject
    ObjectMapper json;

    /** The decision as kept, with its answer already written as JSON. */
    public record Decided(ClearanceAnswer answer, String answerJson) {
    }

    /**
     * Decides at once and hands the decision to the journal; the caller's thread does not wait for the commit.
     *
     * @return completes once the decision is committed, or fails with why it was not
     * @throws GroupCommit.Refused when too many decisions wait to be kept already
     */
    public CompletableFuture<Decided> decide(PreArrivalNotice notice, String username, String nation) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        Verdict verdict = decider.decide(notice, picture, now);
        ClearanceAnswer answer = new ClearanceAnswer(TimeOrderedIds.next(), notice.imo(), notice.name(), notice.flag(),
                notice.port(), verdict.decision(), verdict.reasons(), verdict.riskProfile(), verdict.listVersion(), now);
        List<String> codes = verdict.reasons().stream().map(reason -> reason.code().name()).distinct().toList();

        ClearanceRecord record = new ClearanceRecord();
        record.id = answer.id();
        record.imo = notice.imo();
        record.name = notice.name();
        record.flag = notice.flag();
        record.port = notice.port();
        record.decision = verdict.decision().name();
        record.reasonCodes = String.join(",", codes);
        record.riskProfile = verdict.riskProfile().level().name();
        record.requestJson = write(notice);
        record.answerJson = write(answer);
        record.replicaVersion = verdict.listVersion().replicaVersion();
        record.heartbeatAt = verdict.listVersion().heartbeatAt();
        record.username = username;
        record.nation = nation;
        record.decidedAt = now;

        ClearanceDecided event = ClearanceDecided.of(answer.id(), notice.imo(), notice.name(), notice.flag(),
                notice.port(), verdict.decision().name(), codes, now, nation);
        Decided decided = new Decided(answer, record.answerJson);
        return journal.keep(record, new Outbox.Entry(ClearanceDecided.TOPIC, notice.imo(), ClearanceDecided.TYPE,
                event.eventId(), event)).thenApply(committed -> decided);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A decision cannot be written as JSON", e);
        }
    }
}
