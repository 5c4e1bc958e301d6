package org.interdict.registry.nomination;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.interdict.commons.problem.ProblemException;
import org.interdict.registry.access.Actor;
import org.interdict.registry.vessel.Vessel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A member nation's proposal to list a vessel as the coalition: other member nations endorse it, then an admin
 * approves it (a COALITION designation) or rejects it. Only a pending nomination moves; anything else is a 409.
 */
@Entity
@Table(name = "nomination")
public class Nomination extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "imo")
    public Vessel vessel;

    @Column(nullable = false)
    public String nation;

    @Column(name = "nominated_by", nullable = false)
    public String nominatedBy;

    @Column(nullable = false)
    public String evidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NominationStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    public String reason;

    @Column(name = "designation_id")
    public UUID designationId;

    @OneToMany(mappedBy = "nomination", cascade = CascadeType.ALL)
    @OrderBy("endorsedAt, id")
    public List<Endorsement> endorsements = new ArrayList<>();

    static Nomination of(Vessel vessel, String evidence, Actor actor) {
        Nomination nomination = new Nomination();
        nomination.id = UUID.randomUUID();
        nomination.vessel = vessel;
        nomination.nation = actor.nation();
        nomination.nominatedBy = actor.username();
        nomination.evidence = evidence;
        nomination.status = NominationStatus.PENDING;
        nomination.createdAt = Instant.now();
        return nomination;
    }

    void endorse(Actor actor, String comment) {
        requirePending("endorsed");
        if (actor.nation().equals(nation)) {
            throw ProblemException.conflict("The nominating nation " + nation + " cannot endorse its own nomination");
        }
        if (endorsements.stream().anyMatch(e -> e.nation.equals(actor.nation()))) {
            throw ProblemException.conflict(actor.nation() + " has already endorsed this nomination");
        }
        Endorsement endorsement = new Endorsement();
        endorsement.id = UUID.randomUUID();
        endorsement.nomination = this;
        endorsement.nation = actor.nation();
        endorsement.endorsedBy = actor.username();
        endorsement.comment = comment;
        endorsement.endorsedAt = Instant.now();
        endorsements.add(endorsement);
    }

    void approve(Actor actor, int endorsementsRequired) {
        requirePending("approved");
        if (endorsements.size() < endorsementsRequired) {
            throw ProblemException.conflict("The nomination has " + endorsements.size() + " endorsements; approval needs "
                    + endorsementsRequired);
        }
        decide(NominationStatus.APPROVED, actor, null);
    }

    void reject(String why, Actor actor) {
        requirePending("rejected");
        decide(NominationStatus.REJECTED, actor, why);
    }

    void requirePending(String action) {
        if (status != NominationStatus.PENDING) {
            throw ProblemException.conflict("The nomination is " + status + " and can no longer be " + action);
        }
    }

    private void decide(NominationStatus outcome, Actor actor, String why) {
        status = outcome;
        decidedAt = Instant.now();
        decidedBy = actor.username();
        reason = why;
    }
}
