-- Bodies and meetings of the instruments: the bundled ones (changed_by
-- '') and those people added or changed (changed_by names who last did).
-- A deleted record is kept as a tombstone (deleted_at set) so that a
-- newer bundle does not bring back what a person deleted; lists skip it.
CREATE TABLE bodies (
	id         TEXT PRIMARY KEY,
	instrument TEXT NOT NULL,
	code       TEXT NOT NULL,
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	source     TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	changed_by TEXT NOT NULL DEFAULT '',
	deleted_at TEXT
);
CREATE INDEX bodies_instrument ON bodies (instrument, code);

-- Dates are days, YYYY-MM-DD, '' when unknown; session is the label that
-- decisions and deadlines use ("COP-4" of COP-4.1), so that a mandate
-- due "at COP-7" finds its meeting by the index meetings_session.
CREATE TABLE meetings (
	id         TEXT PRIMARY KEY,
	instrument TEXT NOT NULL,
	body       TEXT NOT NULL,
	number     TEXT NOT NULL,
	kind       TEXT NOT NULL,
	joint_with TEXT NOT NULL DEFAULT '',
	session    TEXT NOT NULL,
	start_date TEXT NOT NULL DEFAULT '',
	end_date   TEXT NOT NULL DEFAULT '',
	city       TEXT NOT NULL DEFAULT '',
	country    TEXT NOT NULL DEFAULT '',
	source     TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	changed_by TEXT NOT NULL DEFAULT '',
	deleted_at TEXT
);
CREATE INDEX meetings_session ON meetings (instrument, session, start_date);
CREATE INDEX meetings_start ON meetings (start_date, id);

-- The version of each bundle loaded, so that opening a store loads a
-- bundle only when accord ships a different one.
CREATE TABLE registry_bundles (
	name TEXT PRIMARY KEY,
	hash TEXT NOT NULL
);
