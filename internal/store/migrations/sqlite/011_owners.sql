-- Sources are owned: owner_id is the account that uploaded one through
-- the web pages, 0 when the command line stored it. An account's ingest
-- stores only into sources it owns (see Store.Ingest).
ALTER TABLE sources ADD COLUMN owner_id INTEGER NOT NULL DEFAULT 0;

-- Uploads left unconfirmed are purged by age.
CREATE INDEX uploads_created ON uploads (created_at);
