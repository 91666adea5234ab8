-- Corrections: what a person gave a decision's or a mandate's field in
-- place of what the parser read, kept apart from what the parser gives so
-- that a re-ingest of the file applies them again (the correction wins).
-- value is the corrected value as JSON; shown and parsed say, for people,
-- what it is now and what the parser had read.
CREATE TABLE decision_corrections (
	decision_id BIGINT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
	field       TEXT NOT NULL,
	value       TEXT NOT NULL,
	shown       TEXT NOT NULL,
	parsed      TEXT NOT NULL,
	who         TEXT NOT NULL,
	at          TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (decision_id, field)
);

CREATE TABLE mandate_corrections (
	mandate_id BIGINT NOT NULL REFERENCES mandates(id) ON DELETE CASCADE,
	field      TEXT NOT NULL,
	value      TEXT NOT NULL,
	shown      TEXT NOT NULL,
	parsed     TEXT NOT NULL,
	who        TEXT NOT NULL,
	at         TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (mandate_id, field)
);

-- A mandate a person corrected is checked by that person.
ALTER TABLE mandates ADD COLUMN checked_by TEXT NOT NULL DEFAULT '';
ALTER TABLE mandates ADD COLUMN checked_at TIMESTAMPTZ;

-- Duplicates are found by content: the hash of a decision's normalized
-- text as parsed (accord.ContentHash), whatever the file's name.
ALTER TABLE decisions ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX decisions_content ON decisions (content_hash) WHERE content_hash <> '';
