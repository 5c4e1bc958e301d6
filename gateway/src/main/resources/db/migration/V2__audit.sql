-- Every write call through the gateway, appended only. Each entry's hash covers the previous entry's hash and its own
-- fields, so altering or removing a row breaks the chain at that point (GET /api/audit/verify).
CREATE TABLE audit_entry
(
    id            BIGINT PRIMARY KEY,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    username      VARCHAR(255),
    subject       VARCHAR(255),
    nation        VARCHAR(3),
    roles         VARCHAR(255) NOT NULL,
    method        VARCHAR(10)  NOT NULL,
    route         VARCHAR(2048) NOT NULL,
    status        INTEGER      NOT NULL,
    request_id    VARCHAR(100) NOT NULL,
    previous_hash CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL
);
