-- Sign-in sessions of the web pages: the cookie's hash, its form token.
CREATE TABLE sessions (
	id_hash    TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf       TEXT NOT NULL,
	expires_at TEXT NOT NULL
);
