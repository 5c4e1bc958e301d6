-- port clearance: the service's own schema starts here; the outbox tables come from db/outbox.
SELECT 1;
