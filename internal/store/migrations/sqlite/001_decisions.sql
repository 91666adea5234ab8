-- Decisions as parsed from their source files, paragraph by paragraph.
CREATE TABLE sources (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE,
	sha256      TEXT NOT NULL,
	format      TEXT NOT NULL,
	ingested_at TEXT NOT NULL
);

CREATE TABLE decisions (
	id         INTEGER PRIMARY KEY,
	instrument TEXT NOT NULL DEFAULT '',
	symbol     TEXT NOT NULL DEFAULT '',
	symbol_key TEXT NOT NULL DEFAULT '',
	meeting    TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL DEFAULT '',
	kind       TEXT NOT NULL,
	source_id  INTEGER NOT NULL REFERENCES sources(id),
	ordinal    INTEGER NOT NULL,
	body       TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX decisions_symbol ON decisions (instrument, symbol_key) WHERE symbol_key <> '';
CREATE INDEX decisions_source ON decisions (source_id, ordinal);
CREATE INDEX decisions_meeting ON decisions (instrument, meeting);

CREATE TABLE paragraphs (
	decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	path        TEXT NOT NULL,
	number      TEXT NOT NULL,
	depth       INTEGER NOT NULL,
	phrase      TEXT NOT NULL,
	verb        TEXT NOT NULL,
	class       TEXT NOT NULL,
	text        TEXT NOT NULL,
	PRIMARY KEY (decision_id, seq)
);

CREATE TABLE decision_refs (
	decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	cited       TEXT NOT NULL,
	instrument  TEXT NOT NULL,
	PRIMARY KEY (decision_id, seq)
);
CREATE INDEX decision_refs_cited ON decision_refs (instrument, cited);

CREATE TABLE document_refs (
	decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	symbol      TEXT NOT NULL,
	PRIMARY KEY (decision_id, seq)
);
CREATE INDEX document_refs_symbol ON document_refs (symbol);
