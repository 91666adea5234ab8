-- Sign-in sessions of the web pages: the cookie's hash, its form token.
CREATE TABLE sessions (
	id_hash    TEXT PRIMARY KEY,
	user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf       TEXT NOT NULL,
	expires_at TIMESTAMPTZ NOT NULL
);
