-- vessel registry: vessels and their identity history, designations, nominations, incidents and port-call attempts.
-- The outbox tables come from db/outbox (commons).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Every change to a vessel takes the next number: a vessel's version, and the registry's latest version in heartbeats.
CREATE SEQUENCE registry_change_seq;

CREATE TABLE vessel (
    imo            VARCHAR(7)   PRIMARY KEY,
    name           VARCHAR(300) NOT NULL,
    name_since     TIMESTAMPTZ,
    flag           VARCHAR(3),
    flag_since     TIMESTAMPTZ,
    mmsi           VARCHAR(9),
    call_sign      VARCHAR(20),
    vessel_type    VARCHAR(100),
    gross_tonnage  INTEGER,
    build_year     INTEGER,
    owner          VARCHAR(300),
    owner_since    TIMESTAMPTZ,
    operator       VARCHAR(300),
    operator_since TIMESTAMPTZ,
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX vessel_mmsi ON vessel (mmsi);
CREATE INDEX vessel_flag ON vessel (flag, imo);
CREATE INDEX vessel_version ON vessel (version);

-- Values a vessel no longer has (NAME, FLAG, OWNER, OPERATOR), with when they held and who reported the change.
CREATE TABLE past_identity (
    id          UUID         PRIMARY KEY,
    imo         VARCHAR(7)   NOT NULL REFERENCES vessel (imo),
    attribute   VARCHAR(20)  NOT NULL,
    value       VARCHAR(300) NOT NULL,
    valid_from  TIMESTAMPTZ,
    valid_to    TIMESTAMPTZ,
    reported_by VARCHAR(20)  NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX past_identity_imo ON past_identity (imo);

-- Every name a vessel is or was known by, normalised (lowercase letters and digits) for trigram search.
CREATE TABLE vessel_name (
    id         UUID         PRIMARY KEY,
    imo        VARCHAR(7)   NOT NULL REFERENCES vessel (imo),
    name       VARCHAR(300) NOT NULL,
    normalized VARCHAR(300) NOT NULL,
    UNIQUE (imo, normalized)
);
CREATE INDEX vessel_name_trgm ON vessel_name USING gin (normalized gin_trgm_ops);

CREATE TABLE designation (
    id                 UUID         PRIMARY KEY,
    imo                VARCHAR(7)   NOT NULL REFERENCES vessel (imo),
    authority          VARCHAR(20)  NOT NULL,
    reference          VARCHAR(100),
    listed_on          DATE,
    basis              TEXT,
    recorded_by        VARCHAR(200) NOT NULL,
    recorded_at        TIMESTAMPTZ  NOT NULL,
    delisted_on        DATE,
    delisted_by        VARCHAR(200)
);
CREATE INDEX designation_imo ON designation (imo);
CREATE INDEX designation_active ON designation (imo) WHERE delisted_on IS NULL;

CREATE TABLE nomination (
    id             UUID         PRIMARY KEY,
    imo            VARCHAR(7)   NOT NULL REFERENCES vessel (imo),
    nation         VARCHAR(3)   NOT NULL,
    nominated_by   VARCHAR(200) NOT NULL,
    evidence       TEXT         NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    decided_at     TIMESTAMPTZ,
    decided_by     VARCHAR(200),
    reason         TEXT,
    designation_id UUID REFERENCES designation (id)
);
-- One open nomination per vessel.
CREATE UNIQUE INDEX nomination_pending ON nomination (imo) WHERE status = 'PENDING';
CREATE INDEX nomination_created ON nomination (created_at, id);

CREATE TABLE endorsement (
    id            UUID         PRIMARY KEY,
    nomination_id UUID         NOT NULL REFERENCES nomination (id),
    nation        VARCHAR(3)   NOT NULL,
    endorsed_by   VARCHAR(200) NOT NULL,
    comment       TEXT,
    endorsed_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (nomination_id, nation)
);

CREATE TABLE incident (
    id               UUID         PRIMARY KEY,
    imo              VARCHAR(7)   NOT NULL REFERENCES vessel (imo),
    incident_type    VARCHAR(30)  NOT NULL,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    location         VARCHAR(300) NOT NULL,
    counterpart_imo  VARCHAR(7),
    description      TEXT,
    reporting_nation VARCHAR(3)   NOT NULL,
    reported_by      VARCHAR(200) NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX incident_imo ON incident (imo);

-- Port-clearance decisions about a vessel, from clearance.decisions.v1.
CREATE TABLE port_call_attempt (
    id           UUID         PRIMARY KEY,
    imo          VARCHAR(7)   NOT NULL REFERENCES vessel (imo),
    clearance_id VARCHAR(100) NOT NULL,
    port         VARCHAR(5)   NOT NULL,
    decision     VARCHAR(20)  NOT NULL,
    decided_at   TIMESTAMPTZ  NOT NULL,
    nation       VARCHAR(3)
);
CREATE INDEX port_call_attempt_imo ON port_call_attempt (imo, decided_at);
