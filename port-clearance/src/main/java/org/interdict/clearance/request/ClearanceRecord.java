package org.interdict.clearance.request;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A decision as kept, append-only: the notice as asked, the answer as given, the data's version and who asked. */
@Entity
@Table(name = "clearance_request")
public class ClearanceRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String imo;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String flag;

    @Column(nullable = false)
    public String port;

    @Column(nullable = false)
    public String decision;

    /** The answer's reason codes, comma-separated, so lists need not read the answer. */
    @Column(name = "reason_codes", nullable = false)
    public String reasonCodes;

    @Column(name = "risk_profile", nullable = false)
    public String riskProfile;

    @Column(name = "request_json", nullable = false, columnDefinition = "TEXT")
    public String requestJson;

    @Column(name = "answer_json", nullable = false, columnDefinition = "TEXT")
    public String answerJson;

    @Column(name = "replica_version", nullable = false)
    public long replicaVersion;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(nullable = false)
    public String username;

    @Column(nullable = false)
    public String nation;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
