-- Parties: each country's membership of each instrument, its focal points
-- by role, the institutions that coordinate its work under several
-- instruments; the regional centres; which instruments' focal points show
-- their personal contact details to anyone. Every record has a stable id,
-- its times and who changed it last ('accord' for a bundled record no
-- person changed); a deletion leaves a tombstone with the record's content
-- (and the bundle does not bring back a centre a person deleted).
CREATE TABLE party_memberships (
	id         INTEGER PRIMARY KEY,
	country    TEXT NOT NULL,
	instrument TEXT NOT NULL,
	signed     TEXT NOT NULL DEFAULT '',
	consent    TEXT NOT NULL DEFAULT '',
	consent_on TEXT NOT NULL DEFAULT '',
	in_force   TEXT NOT NULL DEFAULT '',
	withdrawn  TEXT NOT NULL DEFAULT '',
	source     TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	updated_by TEXT NOT NULL,
	UNIQUE (country, instrument)
);

CREATE TABLE focal_points (
	id           INTEGER PRIMARY KEY,
	country      TEXT NOT NULL,
	instrument   TEXT NOT NULL,
	role         TEXT NOT NULL,
	title        TEXT NOT NULL DEFAULT '',
	name         TEXT NOT NULL,
	position     TEXT NOT NULL DEFAULT '',
	organization TEXT NOT NULL DEFAULT '',
	address      TEXT NOT NULL DEFAULT '',
	phone        TEXT NOT NULL DEFAULT '',
	email        TEXT NOT NULL DEFAULT '',
	designated   TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	updated_by   TEXT NOT NULL,
	UNIQUE (country, instrument, role, name)
);
CREATE INDEX focal_points_instrument ON focal_points (instrument, country);

CREATE TABLE coordinations (
	id          INTEGER PRIMARY KEY,
	country     TEXT NOT NULL,
	institution TEXT NOT NULL,
	instruments TEXT NOT NULL,
	mechanism   TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	updated_by  TEXT NOT NULL,
	UNIQUE (country, institution)
);

CREATE TABLE contact_publication (
	instrument TEXT PRIMARY KEY,
	who        TEXT NOT NULL,
	at         TEXT NOT NULL
);

CREATE TABLE centres (
	id               TEXT PRIMARY KEY,
	name             TEXT NOT NULL,
	host_country     TEXT NOT NULL,
	city             TEXT NOT NULL DEFAULT '',
	conventions      TEXT NOT NULL,
	countries_served TEXT NOT NULL DEFAULT '',
	closed           TEXT NOT NULL DEFAULT '',
	focal_centre     INTEGER NOT NULL DEFAULT 0,
	documents        TEXT NOT NULL DEFAULT '[]',
	source           TEXT NOT NULL DEFAULT '',
	created_at       TEXT NOT NULL,
	updated_at       TEXT NOT NULL,
	updated_by       TEXT NOT NULL
);

CREATE TABLE party_tombstones (
	kind       TEXT NOT NULL,
	record     TEXT NOT NULL,
	content    TEXT NOT NULL,
	deleted_at TEXT NOT NULL,
	deleted_by TEXT NOT NULL,
	PRIMARY KEY (kind, record)
);
