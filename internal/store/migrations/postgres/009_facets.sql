-- The year a decision was adopted, when its text tells; 0 when not.
ALTER TABLE decisions ADD COLUMN year INTEGER NOT NULL DEFAULT 0;
CREATE INDEX decisions_year ON decisions (year);

-- Facet sets: the values a paragraph is counted and filtered by in
-- search, all facets at once. Actors and statuses are those of the
-- mandates the paragraph makes, sorted and space-separated.
CREATE TABLE facet_sets (
	id         BIGSERIAL PRIMARY KEY,
	instrument TEXT NOT NULL,
	meeting    TEXT NOT NULL,
	year       INTEGER NOT NULL,
	class      TEXT NOT NULL,
	actors     TEXT NOT NULL,
	statuses   TEXT NOT NULL,
	UNIQUE (instrument, meeting, year, class, actors, statuses)
);
ALTER TABLE paragraphs ADD COLUMN facet_set BIGINT NOT NULL DEFAULT 0;
