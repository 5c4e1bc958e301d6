package org.interdict.registry.designation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.interdict.commons.problem.ProblemException;
import org.interdict.registry.access.Actor;
import org.interdict.registry.events.RegistryEvents;
import org.interdict.commons.geo.Countries;
import org.interdict.registry.vessel.Vessel;
import org.interdict.registry.vessel.Vessels;

/** Lists and delists vessels; each change announces the vessel's new status and the listing itself. */
@ApplicationScoped
public class Designations {

    private static final Set<String> LIST_AUTHORITIES = Set.of(Designation.UN, Designation.OFAC, "EU",
            Designation.COALITION);

    @Inject
    Vessels vessels;

    @Inject
    RegistryEvents events;

    @Transactional
    public DesignationView designate(String imo, NewDesignation request, Actor actor) {
        String authority = authority(request.authority());
        String reference = blankToNull(request.reference());
        Vessel vessel = vessels.lock(imo);
        if (vessel.activeDesignation(authority, reference).isPresent()) {
            throw ProblemException.conflict("Vessel " + imo + " is already designated by " + authority
                    + (reference == null ? "" : " under " + reference));
        }
        return DesignationView.of(designate(vessel, authority, reference, request.listedOn(), request.basis(),
                actor.username()));
    }

    /** Lists a locked vessel and records both events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Designation designate(Vessel vessel, String authority, String reference, LocalDate listedOn, String basis,
            String recordedBy) {
        Designation designation = vessel.designate(authority, reference, listedOn, basis, recordedBy, Instant.now());
        events.vesselChanged(vessel);
        events.designationChanged(vessel, designation);
        return designation;
    }

    @Transactional
    public DesignationView delist(String imo, UUID id, Actor actor) {
        Vessel vessel = vessels.lock(imo);
        Designation designation = vessel.designations.stream().filter(d -> d.id.equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Vessel " + imo + " has no designation " + id));
        if (!designation.active()) {
            throw ProblemException.conflict("Designation " + id + " was delisted on " + designation.delistedOn);
        }
        designation.delist(LocalDate.now(ZoneOffset.UTC), actor.username());
        events.vesselChanged(vessel);
        events.designationChanged(vessel, designation);
        return DesignationView.of(designation);
    }

    /** UN, OFAC, EU, COALITION or a nation's alpha-3 code; a 400 naming {@code authority} otherwise. */
    static String authority(String text) {
        String authority = text.trim().toUpperCase(Locale.ROOT);
        if (!LIST_AUTHORITIES.contains(authority) && !Countries.isAlpha3(authority)) {
            throw ProblemException.invalid("authority", "must be UN, OFAC, EU, COALITION or an ISO alpha-3 nation code");
        }
        return authority;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
