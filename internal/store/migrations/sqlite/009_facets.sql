-- The year a decision was adopted, when its text tells; 0 when not.
ALTER TABLE decisions ADD COLUMN year INTEGER NOT NULL DEFAULT 0;
CREATE INDEX decisions_year ON decisions (year);

-- Facet sets: the values a paragraph is counted and filtered by in
-- search, all facets at once. Actors and statuses are those of the
-- mandates the paragraph makes, sorted and space-separated.
CREATE TABLE facet_sets (
	id         INTEGER PRIMARY KEY,
	instrument TEXT NOT NULL,
	meeting    TEXT NOT NULL,
	year       INTEGER NOT NULL,
	class      TEXT NOT NULL,
	actors     TEXT NOT NULL,
	statuses   TEXT NOT NULL,
	UNIQUE (instrument, meeting, year, class, actors, statuses)
);
ALTER TABLE paragraphs ADD COLUMN facet_set INTEGER NOT NULL DEFAULT 0;

-- A narrow copy of each paragraph's facet set, by the paragraph's rowid
-- (the full-text index's), so that counting many hits reads few pages.
CREATE TABLE paragraph_facets (
	id          INTEGER PRIMARY KEY,
	decision_id INTEGER NOT NULL,
	facet_set   INTEGER NOT NULL
);
INSERT INTO paragraph_facets (id, decision_id, facet_set) SELECT rowid, decision_id, facet_set FROM paragraphs;
CREATE TRIGGER paragraph_facets_insert AFTER INSERT ON paragraphs BEGIN
	INSERT INTO paragraph_facets (id, decision_id, facet_set) VALUES (new.rowid, new.decision_id, new.facet_set);
END;
CREATE TRIGGER paragraph_facets_delete AFTER DELETE ON paragraphs BEGIN
	DELETE FROM paragraph_facets WHERE id = old.rowid;
END;
CREATE TRIGGER paragraph_facets_update AFTER UPDATE OF facet_set ON paragraphs BEGIN
	UPDATE paragraph_facets SET facet_set = new.facet_set WHERE id = new.rowid;
END;

-- Only a change of text reindexes a paragraph's words.
DROP TRIGGER paragraphs_fts_update;
CREATE TRIGGER paragraphs_fts_update AFTER UPDATE OF text ON paragraphs BEGIN
	INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
	INSERT INTO paragraphs_fts (rowid, text) VALUES (new.rowid, new.text);
END;
