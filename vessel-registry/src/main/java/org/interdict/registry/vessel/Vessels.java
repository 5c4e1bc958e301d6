package org.interdict.registry.vessel;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.interdict.commons.problem.ProblemException;
import org.interdict.registry.access.Actor;
import org.interdict.registry.events.RegistryEvents;
import org.interdict.commons.geo.Countries;
import org.interdict.registry.identity.ImoNumber;
import org.interdict.registry.incident.PortCallView;

/** Registers vessels and changes their identity; every change records the vessel's new status as an event. */
@ApplicationScoped
public class Vessels {

    @Inject
    RegistryEvents events;

    /** The vessel, locked for the rest of the transaction so that its changes and events keep their order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Vessel lock(String imo) {
        return Vessel.<Vessel>findByIdOptional(imo, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> unknown(imo));
    }

    @Transactional
    public VesselView view(String imo) {
        Vessel vessel = Vessel.find(imo).orElseThrow(() -> unknown(imo));
        return VesselView.of(vessel, PortCallView.of(imo));
    }

    @Transactional
    public VesselView register(RegisterVessel request, Actor actor) {
        String imo = ImoNumber.parse(request.imo(), "imo");
        String flag = flag(request.flag(), "flag");
        Instant now = Instant.now();
        Vessel vessel = Vessel.named(imo, request.name().trim(), now);
        vessel.flag = flag;
        vessel.flagSince = now;
        vessel.describe(request.mmsi(), request.callSign(), request.type(), request.grossTonnage(),
                request.buildYear());
        vessel.owner = request.owner();
        vessel.ownerSince = request.owner() == null ? null : now;
        vessel.operator = request.operator();
        vessel.operatorSince = request.operator() == null ? null : now;
        events.vesselChanged(vessel);
        vessel.persist();
        // The primary key finds an existing vessel: one round trip fewer than a look-up first, and right also when
        // two registrations of one IMO race
        try {
            Vessel.flush();
        } catch (PersistenceException e) {
            if (violates(e, "vessel_pkey")) {
                throw ProblemException.conflict("A vessel with IMO " + imo + " is already registered");
            }
            throw e;
        }
        return VesselView.of(vessel, List.of());
    }

    @Transactional
    public VesselView change(String imo, ChangeVessel change, Actor actor) {
        String flag = change.flag() == null ? null : flag(change.flag(), "flag");
        Vessel vessel = lock(imo);
        Instant now = Instant.now();
        boolean changed = vessel.rename(trimmed(change.name()), actor.nation(), now);
        changed |= vessel.reflag(flag, actor.nation(), now);
        changed |= vessel.changeOwner(trimmed(change.owner()), actor.nation(), now);
        changed |= vessel.changeOperator(trimmed(change.operator()), actor.nation(), now);
        changed |= vessel.describe(change.mmsi(), change.callSign(), change.type(), change.grossTonnage(),
                change.buildYear());
        if (changed) {
            events.vesselChanged(vessel);
        }
        return VesselView.of(vessel, PortCallView.of(imo));
    }

    /** An ISO 3166-1 alpha-3 code in any case; a 400 naming {@code field} otherwise. */
    public static String flag(String flag, String field) {
        String code = flag.trim().toUpperCase(Locale.ROOT);
        if (!Countries.isAlpha3(code)) {
            throw ProblemException.invalid(field, "must be an ISO 3166-1 alpha-3 country code");
        }
        return code;
    }

    public static ProblemException unknown(String imo) {
        return ProblemException.notFound("No vessel with IMO " + imo + " is registered");
    }

    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }
}
