-- The transactional outbox: an event is written in the same transaction as the change it describes and relayed to
-- Kafka afterwards (see org.interdict.commons.outbox.OutboxRelay). The id orders events as they were committed.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(200) NOT NULL,
    event_key    VARCHAR(200) NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    payload      TEXT         NOT NULL,
    request_id   VARCHAR(100),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Events a consumer has applied, recorded in the same transaction as their effect: a redelivered event is skipped.
CREATE TABLE processed_event (
    event_id     UUID         PRIMARY KEY,
    consumer     VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
