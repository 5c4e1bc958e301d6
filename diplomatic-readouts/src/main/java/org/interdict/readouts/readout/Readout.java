package org.interdict.readouts.readout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A published readout. Immutable: nothing updates a row once written. */
@Entity
@Table(name = "readout")
public class Readout extends PanacheEntityBase {

    public static final String SYSTEM_AUTHOR = "system";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(name = "meeting_date", nullable = false)
    public LocalDate meetingDate;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tlp tlp;

    /** Empty for system notices. */
    @Column(name = "author_nation")
    public String authorNation;

    @Column(nullable = false)
    public String author;

    public UUID supersedes;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
