-- Accounts (a token each, kept as its hash) and the audit log of writes.
CREATE TABLE users (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE,
	role        TEXT NOT NULL,
	instruments TEXT NOT NULL DEFAULT '',
	token_hash  TEXT NOT NULL UNIQUE,
	created_at  TEXT NOT NULL
);

CREATE TABLE audit (
	id         INTEGER PRIMARY KEY,
	at         TEXT NOT NULL,
	who        TEXT NOT NULL,
	action     TEXT NOT NULL,
	target     TEXT NOT NULL,
	before     TEXT NOT NULL DEFAULT '',
	after      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_at ON audit (id);
