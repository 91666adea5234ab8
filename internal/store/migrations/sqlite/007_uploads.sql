-- Files uploaded through the web pages, kept between their preview and
-- the confirmation that stores their decisions.
CREATE TABLE uploads (
	id_hash    TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	format     TEXT NOT NULL,
	sha256     TEXT NOT NULL,
	body       TEXT NOT NULL,
	created_at TEXT NOT NULL
);
