-- Full-text search over paragraphs and items: English stemming, accents
-- folded so that French and Spanish text is found too.
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
	text,
	content = 'paragraphs',
	content_rowid = 'rowid',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO paragraphs_fts (rowid, text) SELECT rowid, text FROM paragraphs;
CREATE TRIGGER paragraphs_fts_insert AFTER INSERT ON paragraphs BEGIN
	INSERT INTO paragraphs_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER paragraphs_fts_delete AFTER DELETE ON paragraphs BEGIN
	INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER paragraphs_fts_update AFTER UPDATE ON paragraphs BEGIN
	INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
	INSERT INTO paragraphs_fts (rowid, text) VALUES (new.rowid, new.text);
END;
