-- port clearance: the replica of the registry's sanctions picture, and the append-only record of decisions and
-- inspections. The outbox tables come from db/outbox (commons).

-- The latest status of each vessel as read from registry.vessel-status.v1: the registry's JSON as it came, so a
-- restart rebuilds the in-memory index from here without reading the topic again.
CREATE TABLE vessel_status (
    imo         VARCHAR(7) PRIMARY KEY,
    version     BIGINT      NOT NULL,
    event_id    UUID,
    payload     TEXT        NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The next offset to read per partition of the vessel-status topic, committed with the statuses it covers: the
-- replica and its position in the topic never disagree. No row for a partition means "from the beginning".
CREATE TABLE replica_offset (
    topic       VARCHAR(200) NOT NULL,
    partition   INT          NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Every decision, as asked and as answered, with how current the data was and who asked.
CREATE TABLE clearance_request (
    id               UUID         PRIMARY KEY,
    imo              VARCHAR(7)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    flag             VARCHAR(3)   NOT NULL,
    port             VARCHAR(5)   NOT NULL,
    decision         VARCHAR(10)  NOT NULL,
    reason_codes     VARCHAR(1000) NOT NULL,
    risk_profile     VARCHAR(10)  NOT NULL,
    request_json     TEXT         NOT NULL,
    answer_json      TEXT         NOT NULL,
    replica_version  BIGINT       NOT NULL,
    heartbeat_at     TIMESTAMPTZ,
    username         VARCHAR(200) NOT NULL,
    nation           VARCHAR(3)   NOT NULL,
    decided_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX clearance_request_port_time ON clearance_request (port, decided_at, id);
CREATE INDEX clearance_request_time ON clearance_request (decided_at, id);
CREATE INDEX clearance_request_imo ON clearance_request (imo);

-- At most one outcome per decision: the primary key makes a second one a conflict.
CREATE TABLE inspection (
    clearance_id  UUID         PRIMARY KEY REFERENCES clearance_request (id),
    outcome       VARCHAR(10)  NOT NULL,
    notes         TEXT,
    username      VARCHAR(200) NOT NULL,
    nation        VARCHAR(3)   NOT NULL,
    inspected_at  TIMESTAMPTZ  NOT NULL
);

-- Decisions and inspections are evidence: the database refuses to change or remove them.
CREATE FUNCTION refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER clearance_request_append_only BEFORE UPDATE OR DELETE ON clearance_request
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER inspection_append_only BEFORE UPDATE OR DELETE ON inspection
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
