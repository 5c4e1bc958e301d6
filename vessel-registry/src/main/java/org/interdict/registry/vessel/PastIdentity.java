package org.interdict.registry.vessel;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A value a vessel no longer has: an old name (or an alias), flag, owner or operator, and who reported the change. */
@Entity
@Table(name = "past_identity")
public class PastIdentity extends PanacheEntityBase {

    public enum Attribute {
        NAME, FLAG, OWNER, OPERATOR
    }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "imo")
    public Vessel vessel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Attribute attribute;

    @Column(nullable = false)
    public String value;

    /** When the value began to hold, if known; an alias from a list has neither date. */
    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    /** The nation (alpha-3) or list authority (UN, OFAC) that reported the change. */
    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    static PastIdentity of(Vessel vessel, Attribute attribute, String value, Instant from, Instant to,
            String reportedBy, Instant now) {
        PastIdentity past = new PastIdentity();
        past.id = UUID.randomUUID();
        past.vessel = vessel;
        past.attribute = attribute;
        past.value = value;
        past.validFrom = from;
        past.validTo = to;
        past.reportedBy = reportedBy;
        past.recordedAt = now;
        return past;
    }
}
