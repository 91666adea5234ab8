-- Tokens that expire and can be revoked, several per account; accounts
-- that sign in by OpenID Connect; accounts removed but kept for their
-- history; sessions that end when idle.
CREATE TABLE tokens (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	hash       TEXT NOT NULL UNIQUE,
	prefix     TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	revoked_at TEXT
);
CREATE INDEX tokens_user ON tokens (user_id);
CREATE INDEX tokens_prefix ON tokens (prefix);

-- The tokens made before expire 90 days after this migration.
INSERT INTO tokens (user_id, hash, created_at, expires_at)
	SELECT id, token_hash, created_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+90 days') FROM users;

-- users.token_hash is no longer read: it holds "none:NAME", unique as the
-- column wants (SQLite cannot drop a UNIQUE column).
UPDATE users SET token_hash = 'none:' || name;
ALTER TABLE users ADD COLUMN removed_at TEXT;
ALTER TABLE users ADD COLUMN subject TEXT;
CREATE UNIQUE INDEX users_subject ON users (subject);

ALTER TABLE sessions ADD COLUMN token_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN idle_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN seen_at TEXT;
CREATE INDEX sessions_user ON sessions (user_id);
