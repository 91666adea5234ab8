-- The instruments: the bundled ones (changed_by '') and those admins
-- added or changed (changed_by names who last did). bodies and grouped
-- are lists written with |: the codes of its governing bodies, and the
-- instruments a joint instrument groups (grouped, as GROUPS is a word of
-- SQL). Instruments are not deleted,
-- since decisions cite them; deleted_at is there for the code that keeps
-- every registry table the same way.
CREATE TABLE instruments (
	id         TEXT PRIMARY KEY,
	short      TEXT NOT NULL,
	name       TEXT NOT NULL,
	bodies     TEXT NOT NULL DEFAULT '',
	parent     TEXT NOT NULL DEFAULT '',
	website    TEXT NOT NULL DEFAULT '',
	grouped    TEXT NOT NULL DEFAULT '',
	source     TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL,
	changed_by TEXT NOT NULL DEFAULT '',
	deleted_at TIMESTAMPTZ
);

-- Mandates stored before accord linked the organizations each names
-- (021) name none until their decision is ingested again. Those without
-- a link wait here until ingest.Relink reads their organizations from
-- their stored text, once; a mandate that names none leaves too.
CREATE TABLE mandates_unlinked (
	mandate_id BIGINT PRIMARY KEY REFERENCES mandates(id) ON DELETE CASCADE
);
INSERT INTO mandates_unlinked (mandate_id)
	SELECT id FROM mandates WHERE id NOT IN (SELECT mandate_id FROM mandate_organizations);
