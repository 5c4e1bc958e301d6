-- diplomatic readouts: the service's own schema; the outbox tables come from db/outbox.

-- A published readout never changes: a correction is a new row naming the one it supersedes.
CREATE TABLE readout (
    id              UUID          PRIMARY KEY,
    title           VARCHAR(200)  NOT NULL,
    meeting_date    DATE          NOT NULL,
    body            TEXT          NOT NULL,
    tlp             VARCHAR(20)   NOT NULL,
    -- NULL for system notices generated from registry events
    author_nation   VARCHAR(3),
    author          VARCHAR(200)  NOT NULL,
    supersedes      UUID          REFERENCES readout (id),
    -- the registry event a system notice was made from: at most one notice per event
    source_event_id UUID          UNIQUE,
    published_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX readout_supersedes ON readout (supersedes);

-- The last inbox position handed out per nation. Publishing takes this row's lock until it commits, so a nation's
-- positions become visible in order and without gaps: what makes inbox paging stable under concurrent publishing.
CREATE TABLE inbox_sequence (
    nation   VARCHAR(3) PRIMARY KEY,
    last_seq BIGINT  NOT NULL
);

-- One row per recipient nation: releasability, the nation's inbox and the delivery state in one place.
CREATE TABLE delivery (
    id              BIGSERIAL     PRIMARY KEY,
    readout_id      UUID          NOT NULL REFERENCES readout (id),
    nation          VARCHAR(3)       NOT NULL,
    inbox_seq       BIGINT        NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    added_at        TIMESTAMPTZ   NOT NULL,
    delivered_at    TIMESTAMPTZ,
    acknowledged_at TIMESTAMPTZ,
    CONSTRAINT delivery_once UNIQUE (readout_id, nation),
    CONSTRAINT delivery_inbox_position UNIQUE (nation, inbox_seq)
);

-- A nation's HTTPS endpoint that receives the readouts released to it. The secret signs deliveries, so it is kept.
CREATE TABLE webhook (
    id         UUID          PRIMARY KEY,
    nation     VARCHAR(3)       NOT NULL,
    url        VARCHAR(2000) NOT NULL,
    secret     VARCHAR(100)  NOT NULL,
    created_by VARCHAR(200)  NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_nation ON webhook (nation);

-- A readout still to be POSTed to one webhook, with its retry schedule. next_attempt_at doubles as a lease while an
-- attempt is in flight, so several replicas never send the same job at once.
CREATE TABLE webhook_job (
    id              BIGSERIAL    PRIMARY KEY,
    webhook_id      UUID         NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    readout_id      UUID         NOT NULL REFERENCES readout (id),
    nation          VARCHAR(3)      NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    next_attempt_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX webhook_job_due ON webhook_job (next_attempt_at) WHERE state = 'PENDING';

-- Every attempt to POST a readout to a webhook, kept for the author's nation to see (outlives the webhook).
CREATE TABLE webhook_attempt (
    id           BIGSERIAL     PRIMARY KEY,
    readout_id   UUID          NOT NULL REFERENCES readout (id),
    nation       VARCHAR(3)       NOT NULL,
    webhook_id   UUID          NOT NULL,
    attempt      INTEGER       NOT NULL,
    attempted_at TIMESTAMPTZ   NOT NULL,
    status_code  INTEGER,
    outcome      VARCHAR(20)   NOT NULL,
    error        VARCHAR(500)
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (readout_id, nation);
