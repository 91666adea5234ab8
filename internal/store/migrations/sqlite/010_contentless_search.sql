-- The full-text index keeps no copy of the text and no length of each
-- paragraph: ranking reads only the index (how often each word occurs,
-- how rare it is), which keeps searches for common words fast. Snippets
-- are cut from the paragraphs themselves, and a paragraph leaves the
-- index by its old text.
DROP TRIGGER paragraphs_fts_insert;
DROP TRIGGER paragraphs_fts_delete;
DROP TRIGGER paragraphs_fts_update;
DROP TABLE paragraphs_fts;
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
	text,
	content = '',
	columnsize = 0,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO paragraphs_fts (rowid, text) SELECT rowid, text FROM paragraphs;
CREATE TRIGGER paragraphs_fts_insert AFTER INSERT ON paragraphs BEGIN
	INSERT INTO paragraphs_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER paragraphs_fts_delete AFTER DELETE ON paragraphs BEGIN
	INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER paragraphs_fts_update AFTER UPDATE OF text ON paragraphs BEGIN
	INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
	INSERT INTO paragraphs_fts (rowid, text) VALUES (new.rowid, new.text);
END;
