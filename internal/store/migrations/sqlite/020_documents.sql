-- Documents: the records of UN documents by symbol, and the keys that
-- make what cites a document or a decision one indexed read.
-- symbol_key is accord.SymbolKey of the symbol: one document cited as
-- "UNEP/MC/COP.6/INF/3" and "UNEP/MC/COP 6/INF/3" has one key.
CREATE TABLE documents (
	id          INTEGER PRIMARY KEY,
	symbol      TEXT NOT NULL,
	symbol_key  TEXT NOT NULL UNIQUE,
	title       TEXT NOT NULL DEFAULT '',
	instrument  TEXT NOT NULL DEFAULT '',
	meeting     TEXT NOT NULL DEFAULT '',
	agenda_item TEXT NOT NULL DEFAULT '',
	issued      TEXT NOT NULL DEFAULT '',
	languages   TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	updated_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX documents_instrument ON documents (instrument, symbol_key);
CREATE INDEX documents_meeting ON documents (meeting, symbol_key);

-- The citations ingest records with each decision (document_refs and
-- decision_refs, written in the ingest's transaction) carry the key of
-- what they cite; the step of this migration fills it for the decisions
-- stored before.
ALTER TABLE document_refs ADD COLUMN symbol_key TEXT NOT NULL DEFAULT '';
CREATE INDEX document_refs_key ON document_refs (symbol_key, decision_id);
ALTER TABLE decision_refs ADD COLUMN cited_key TEXT NOT NULL DEFAULT '';
CREATE INDEX decision_refs_key ON decision_refs (cited_key, instrument, decision_id);
