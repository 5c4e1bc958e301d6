-- The W3C trace context an event was recorded in, sent with it as Kafka headers so that its consumers continue the
-- trace (org.interdict.commons.trace). Null for an event recorded outside any trace. Lengths are generous: a header
-- must never fail the change it describes.
ALTER TABLE outbox_event
    ADD COLUMN traceparent VARCHAR(100),
    ADD COLUMN tracestate  TEXT;
