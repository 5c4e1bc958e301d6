-- Coalition membership is data: the nations the platform knows, members or non-member partners, active or suspended.
-- Each change is published on coalition.nations.v1 through the outbox, so every service keeps a replica.
CREATE TABLE nation (
    code       VARCHAR(3)   PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    member     BOOLEAN      NOT NULL,
    status     VARCHAR(20)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The seed: the nations of the contract, China and Russia as non-member partners.
INSERT INTO nation (code, name, member, status, version) VALUES
    ('CAN', 'Canada', TRUE, 'ACTIVE', 1),
    ('USA', 'United States', TRUE, 'ACTIVE', 1),
    ('KOR', 'Republic of Korea', TRUE, 'ACTIVE', 1),
    ('JPN', 'Japan', TRUE, 'ACTIVE', 1),
    ('GBR', 'United Kingdom', TRUE, 'ACTIVE', 1),
    ('FRA', 'France', TRUE, 'ACTIVE', 1),
    ('IND', 'India', TRUE, 'ACTIVE', 1),
    ('CHN', 'China', FALSE, 'ACTIVE', 1),
    ('RUS', 'Russian Federation', FALSE, 'ACTIVE', 1);

-- ... and their events, in the same transaction as the seed.
INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload, created_at)
SELECT seeded.event_id, 'coalition.nations.v1', seeded.code, 'NationMembership',
       json_build_object('eventId', seeded.event_id, 'eventType', 'NationMembership', 'schemaVersion', 1,
                         'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                         'code', seeded.code, 'name', seeded.name, 'member', seeded.member,
                         'status', seeded.status, 'version', seeded.version)::text,
       now()
FROM (SELECT gen_random_uuid() AS event_id, code, name, member, status, version FROM nation ORDER BY code) seeded;
