package org.interdict.registry.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.interdict.commons.problem.ProblemException;
import org.interdict.registry.access.Actor;
import org.interdict.registry.events.RegistryEvents;
import org.interdict.registry.identity.ImoNumber;
import org.interdict.registry.vessel.Vessel;
import org.interdict.registry.vessel.Vessels;

/** Records incidents, from partner nations and from port clearance; each announces the vessel's new status. */
@ApplicationScoped
public class Incidents {

    /** Clocks differ; an incident further in the future than this is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);

    @Inject
    Vessels vessels;

    @Inject
    RegistryEvents events;

    @Transactional
    public IncidentView report(NewIncident request, Actor actor) {
        String imo = ImoNumber.parse(request.imo(), "imo");
        String counterpart = request.counterpartImo() == null || request.counterpartImo().isBlank() ? null
                : ImoNumber.parse(request.counterpartImo(), "counterpartImo");
        if (imo.equals(counterpart)) {
            throw ProblemException.invalid("counterpartImo", "must be another vessel");
        }
        if (request.occurredAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("occurredAt", "must not be in the future");
        }
        Vessel vessel = vessels.lock(imo);
        return IncidentView.of(record(vessel, request.type(), request.occurredAt(), request.location().trim(),
                counterpart, request.description(), actor));
    }

    /** Records an incident on a locked vessel with its status event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Incident record(Vessel vessel, IncidentType type, Instant occurredAt, String location, String counterpart,
            String description, Actor actor) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.vessel = vessel;
        incident.type = type;
        incident.occurredAt = occurredAt;
        incident.location = location;
        incident.counterpartImo = counterpart;
        incident.description = description;
        incident.reportingNation = actor.nation();
        incident.reportedBy = actor.username();
        incident.recordedAt = Instant.now();
        vessel.incidents.add(incident);
        events.vesselChanged(vessel);
        return incident;
    }

    /** The vessel, locked, if the registry knows it: events from other services may name vessels it does not. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Vessel> known(String imo) {
        return Vessel.<Vessel>findByIdOptional(imo, LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional
    public IncidentView view(UUID id) {
        return Incident.<Incident>findByIdOptional(id).map(IncidentView::of)
                .orElseThrow(() -> ProblemException.notFound("No incident " + id));
    }
}
