package org.interdict.readouts.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.interdict.readouts.readout.Readout;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A readout released to one nation: its place in that nation's inbox and how far it got. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "readout_id")
    public Readout readout;

    @Column(nullable = false)
    public String nation;

    /** The position in the nation's inbox: gap-free and visible in order (see {@link InboxSequence}). */
    @Column(name = "inbox_seq", nullable = false)
    public long inboxSeq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
}
