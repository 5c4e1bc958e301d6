package org.interdict.registry.nomination;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.interdict.commons.problem.ProblemException;
import org.interdict.registry.RegistryConfig;
import org.interdict.registry.access.Actor;
import org.interdict.registry.designation.Designation;
import org.interdict.registry.designation.Designations;
import org.interdict.registry.identity.ImoNumber;
import org.interdict.registry.nomination.NominationRequests.Approve;
import org.interdict.registry.nomination.NominationRequests.Endorse;
import org.interdict.registry.nomination.NominationRequests.Nominate;
import org.interdict.registry.nomination.NominationRequests.Reject;
import org.interdict.registry.paging.Cursor;
import org.interdict.commons.web.Page;
import org.interdict.registry.vessel.Vessel;
import org.interdict.registry.vessel.Vessels;

import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class Nominations {

    @Inject
    Vessels vessels;

    @Inject
    Designations designations;

    @Inject
    RegistryConfig config;

    @Transactional
    public NominationView nominate(Nominate request, Actor actor) {
        String imo = ImoNumber.parse(request.imo(), "imo");
        Vessel vessel = vessels.lock(imo);
        if (Nomination.count("vessel.imo = ?1 and status = ?2", imo, NominationStatus.PENDING) > 0) {
            throw ProblemException.conflict("Vessel " + imo + " already has a pending nomination");
        }
        if (vessel.designations.stream().anyMatch(d -> d.active() && d.authority.equals(Designation.COALITION))) {
            throw ProblemException.conflict("Vessel " + imo + " is already designated by the coalition");
        }
        Nomination nomination = Nomination.of(vessel, request.evidence().trim(), actor);
        nomination.persist();
        return NominationView.of(nomination);
    }

    @Transactional
    public NominationView view(UUID id) {
        return NominationView.of(find(id, LockModeType.NONE));
    }

    @Transactional
    public NominationView endorse(UUID id, Endorse request, Actor actor) {
        Nomination nomination = find(id, LockModeType.PESSIMISTIC_WRITE);
        nomination.endorse(actor, request == null ? null : request.comment());
        return NominationView.of(nomination);
    }

    /** Approval lists the vessel as COALITION under the nomination's id, in the same transaction. */
    @Transactional
    public NominationView approve(UUID id, Approve request, Actor actor) {
        Nomination nomination = find(id, LockModeType.PESSIMISTIC_WRITE);
        Vessel vessel = vessels.lock(nomination.vessel.imo);
        nomination.approve(actor, config.nomination().endorsementsRequired());
        String basis = request != null && request.basis() != null && !request.basis().isBlank() ? request.basis()
                : nomination.evidence;
        Designation designation = designations.designate(vessel, Designation.COALITION, id.toString(),
                LocalDate.now(ZoneOffset.UTC), basis, actor.username());
        nomination.designationId = designation.id;
        return NominationView.of(nomination);
    }

    @Transactional
    public NominationView reject(UUID id, Reject request, Actor actor) {
        Nomination nomination = find(id, LockModeType.PESSIMISTIC_WRITE);
        nomination.reject(request.reason().trim(), actor);
        return NominationView.of(nomination);
    }

    /** Oldest first, optionally of one status. */
    @Transactional
    public Page<NominationView> list(NominationStatus status, int limit, String cursor) {
        StringBuilder query = new StringBuilder("from Nomination n where 1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            query.append(" and n.status = :status");
            params.and("status", status);
        }
        if (cursor != null) {
            List<String> after = Cursor.decode(cursor, 2);
            query.append(" and (n.createdAt > :at or (n.createdAt = :at and n.id > :id))");
            try {
                params.and("at", Instant.parse(after.get(0))).and("id", UUID.fromString(after.get(1)));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this list gave out");
            }
        }
        query.append(" order by n.createdAt, n.id");
        List<Nomination> rows = Nomination.<Nomination>find(query.toString(), params).range(0, limit).list();
        String next = null;
        if (rows.size() > limit) {
            Nomination last = rows.get(limit - 1);
            next = Cursor.encode(last.createdAt.toString(), last.id.toString());
        }
        return new Page<>(rows.stream().limit(limit).map(NominationView::of).toList(), next);
    }

    private static Nomination find(UUID id, LockModeType lock) {
        return Nomination.<Nomination>findByIdOptional(id, lock)
                .orElseThrow(() -> ProblemException.notFound("No nomination " + id));
    }
}
