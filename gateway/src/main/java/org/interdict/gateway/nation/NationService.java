package org.interdict.gateway.nation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.interdict.commons.geo.Countries;
import org.interdict.commons.outbox.Outbox;
import org.interdict.commons.problem.ProblemException;

/** Adds and changes nations; each change and its membership event commit together. */
@ApplicationScoped
public class NationService {

    @Inject
    Outbox outbox;

    public List<Nation> all() {
        return Nation.listAll(io.quarkus.panache.common.Sort.by("code"));
    }

    public Optional<Nation> find(String code) {
        return Nation.findByIdOptional(code);
    }

    @Transactional
    public Nation add(NationRequests.NewNation request) {
        if (!Countries.isAlpha3(request.code())) {
            throw ProblemException.invalid("code", "is not an assigned ISO 3166-1 alpha-3 code");
        }
        if (Nation.findById(request.code()) != null) {
            throw ProblemException.conflict("Nation " + request.code() + " already exists");
        }
        Nation nation = new Nation();
        nation.code = request.code();
        nation.name = request.name().strip();
        nation.member = request.member();
        nation.status = "ACTIVE";
        nation.version = 1;
        nation.createdAt = Instant.now();
        nation.updatedAt = nation.createdAt;
        nation.persist();
        publish(nation);
        return nation;
    }

    @Transactional
    public Nation change(String code, NationRequests.NationChange change) {
        Nation nation = Nation.<Nation>findByIdOptional(code, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("No nation " + code));
        boolean changed = false;
        if (change.member() != null && change.member() != nation.member) {
            nation.member = change.member();
            changed = true;
        }
        if (change.status() != null && !change.status().equals(nation.status)) {
            nation.status = change.status();
            changed = true;
        }
        if (changed) {
            nation.version++;
            nation.updatedAt = Instant.now();
            publish(nation);
        }
        return nation;
    }

    private void publish(Nation nation) {
        NationMembershipEvent event = NationMembershipEvent.of(nation);
        outbox.record(NationMembershipEvent.TOPIC, nation.code, NationMembershipEvent.TYPE, event.eventId(), event);
    }
}
