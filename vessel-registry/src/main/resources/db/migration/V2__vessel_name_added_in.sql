-- Search scores names in each registry instance's memory (NameIndex), which reads the names committed since it last
-- looked by the id of the transaction that added them; the trigram index is no longer read, only written.
ALTER TABLE vessel_name ADD COLUMN added_in xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX vessel_name_added_in ON vessel_name (added_in);
DROP INDEX vessel_name_trgm;
