-- The version of what every page of the lists shows beside its rows (the
-- board's choices and counts, the decisions by instrument, the meetings
-- held): each process keeps them until the version changes (listCache in
-- store.go), and reads the version, one row, on every page instead.
--
-- Every transaction that changes decisions, mandates, whom mandates ask or
-- meetings adds one to the version as it commits: a deferred trigger takes
-- the row's lock last, after every other lock the transaction holds, so
-- that writers wait for each other only for their commits and never
-- deadlock on it; and as the lock is held until commit, versions are
-- numbered in the order their transactions commit. A reader that reads
-- version v and then the values has values as new as v or newer; a write
-- it did not see commits a version above v.
CREATE TABLE list_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	version BIGINT NOT NULL
);
INSERT INTO list_version (id, version) VALUES (1, 1);
-- The trigger fires for each row changed, at commit; only its first run in
-- a transaction adds one (the setting is the transaction's own).
CREATE FUNCTION list_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF current_setting('accord.list_version_bumped', true) IS DISTINCT FROM 'yes' THEN UPDATE list_version SET version = version + 1 WHERE id = 1; PERFORM set_config('accord.list_version_bumped', 'yes', true); END IF; RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER decisions_list_version AFTER INSERT OR UPDATE OR DELETE ON decisions
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION list_version_bump();
CREATE CONSTRAINT TRIGGER mandates_list_version AFTER INSERT OR UPDATE OR DELETE ON mandates
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION list_version_bump();
CREATE CONSTRAINT TRIGGER mandate_actors_list_version AFTER INSERT OR UPDATE OR DELETE ON mandate_actors
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION list_version_bump();
CREATE CONSTRAINT TRIGGER meetings_list_version AFTER INSERT OR UPDATE OR DELETE ON meetings
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION list_version_bump();

-- The decisions list's text filter reads the words of each decision's
-- symbol and title from the index of the list's order, which a page of
-- the list walks (walkIDs in store.go): computed once, when a decision is
-- stored, not for each decision a walk passes (wordsMatch in
-- decision.go).
ALTER TABLE decisions ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('simple', regexp_replace(symbol || ' ' || title, '[^[:alnum:]]+', ' ', 'g'))) STORED;
DROP INDEX decisions_words;
CREATE INDEX decisions_words ON decisions USING gin (words);
DROP INDEX decisions_board;
CREATE INDEX decisions_board ON decisions (instrument, meeting, source_id, ordinal, id) INCLUDE (year, kind, words);
