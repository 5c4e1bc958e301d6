package org.interdict.clearance.inspection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.interdict.clearance.events.InspectionRecorded;
import org.interdict.clearance.request.ClearanceRecord;
import org.interdict.clearance.request.Officer;
import org.interdict.commons.outbox.Outbox;
import org.interdict.commons.problem.ProblemException;

/** Records the one outcome of a decision's inspection, and tells the registry through the outbox. */
@ApplicationScoped
public class InspectionService {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    /** @throws ProblemException 409 when the decision has an outcome already */
    @Transactional
    public Inspection record(ClearanceRecord clearance, InspectionReport report, Officer officer) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // the primary key settles a race between two outcomes: exactly one insert wins
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO inspection (clearance_id, outcome, notes, username, nation, inspected_at)
                VALUES (?1, ?2, CAST(?3 AS TEXT), ?4, ?5, ?6) ON CONFLICT (clearance_id) DO NOTHING""")
                .setParameter(1, clearance.id).setParameter(2, report.outcome().name())
                .setParameter(3, report.notes()).setParameter(4, officer.username())
                .setParameter(5, officer.nation()).setParameter(6, now).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("Decision " + clearance.id + " has an inspection outcome already");
        }
        InspectionRecorded event = InspectionRecorded.of(clearance.id, clearance.imo, clearance.port,
                report.outcome().name(), report.notes(), now, officer.nation());
        outbox.record(InspectionRecorded.TOPIC, clearance.imo, InspectionRecorded.TYPE, event.eventId(), event);
        return new Inspection(clearance.id, report.outcome(), report.notes(), now, officer);
    }
}
