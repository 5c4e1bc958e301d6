package org.interdict.clearance.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.interdict.clearance.inspection.Inspection;
import org.interdict.clearance.inspection.InspectionOutcome;
import org.interdict.clearance.inspection.InspectionRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads kept decisions back: one in full, or a page of them by port and time. */
@ApplicationScoped
public class ClearanceHistory {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Transactional
    public Optional<ClearanceRecord> record(UUID id) {
        return Optional.ofNullable(entityManager.find(ClearanceRecord.class, id));
    }

    @Transactional
    public ClearanceView view(ClearanceRecord record) {
        Inspection inspection = Optional.ofNullable(entityManager.find(InspectionRecord.class, record.id))
                .map(Inspection::of).orElse(null);
        try {
            return ClearanceView.of(json.readValue(record.answerJson, ClearanceAnswer.class),
                    json.readTree(record.requestJson), new Officer(record.username, record.nation), inspection);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Kept decision " + record.id + " cannot be read back", e);
        }
    }

    /** Decisions from {@code from} (inclusive) to {@code to} (exclusive), oldest first, at one port or all. */
    @Transactional
    public Page<ClearanceSummary> list(Optional<String> port, Instant from, Instant to, Optional<Cursor> after,
            int limit) {
        StringBuilder where = new StringBuilder("c.decidedAt >= :from and c.decidedAt < :to");
        port.ifPresent(p -> where.append(" and c.port = :port"));
        after.ifPresent(c -> where.append(" and (c.decidedAt > :afterTime or (c.decidedAt = :afterTime and c.id > :afterId))"));
        TypedQuery<ClearanceRecord> query = entityManager.createQuery(
                "from ClearanceRecord c where " + where + " order by c.decidedAt, c.id", ClearanceRecord.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit + 1);
        port.ifPresent(p -> query.setParameter("port", p));
        after.ifPresent(c -> query.setParameter("afterTime", c.decidedAt()).setParameter("afterId", c.id()));
        List<ClearanceRecord> records = query.getResultList();
        boolean more = records.size() > limit;
        List<ClearanceRecord> page = more ? records.subList(0, limit) : records;

        Map<UUID, InspectionOutcome> outcomes = new HashMap<>();
        if (!page.isEmpty()) {
            entityManager.createQuery("from InspectionRecord i where i.clearanceId in :ids", InspectionRecord.class)
                    .setParameter("ids", page.stream().map(record -> record.id).toList()).getResultList()
                    .forEach(inspection -> outcomes.put(inspection.clearanceId, inspection.outcome));
        }
        List<ClearanceSummary> items = new ArrayList<>(page.size());
        for (ClearanceRecord record : page) {
            items.add(new ClearanceSummary(record.id, record.imo, record.name, record.flag, record.port,
                    record.decision, record.reasonCodes.isEmpty() ? List.of() : Arrays.asList(record.reasonCodes.split(",")),
                    record.riskProfile, record.decidedAt, new Officer(record.username, record.nation),
                    outcomes.get(record.id)));
        }
        ClearanceRecord last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new Page<>(items, more ? new Cursor(last.decidedAt, last.id).encode() : null);
    }
}
