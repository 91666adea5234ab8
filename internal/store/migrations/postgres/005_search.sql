-- Full-text search over paragraphs and items: English stemming; text in
-- other languages is indexed word by word.
ALTER TABLE paragraphs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;
CREATE INDEX paragraphs_tsv ON paragraphs USING gin (tsv);
