-- Organizations: the bodies decisions name, whose names, acronyms and
-- aliases the actor registry reads (aliases is a JSON array). bundled
-- marks the rows accord ships; changed_by is who last changed a row, ''
-- while it is as bundled, so that loading the bundle again leaves what a
-- person changed. A deleted organization keeps its row, deleted_at set, so
-- that loading the bundle does not bring it back; a person may.
CREATE TABLE organizations (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	acronym    TEXT NOT NULL DEFAULT '',
	aliases    TEXT NOT NULL DEFAULT '[]',
	kind       TEXT NOT NULL,
	website    TEXT NOT NULL DEFAULT '',
	source     TEXT NOT NULL DEFAULT '',
	bundled    INTEGER NOT NULL DEFAULT 0,
	changed_by TEXT NOT NULL DEFAULT '',
	deleted_at TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

-- Arrangements tie an instrument (or its secretariat) to an organization.
CREATE TABLE arrangements (
	id              INTEGER PRIMARY KEY AUTOINCREMENT,
	instrument      TEXT NOT NULL,
	organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	kind            TEXT NOT NULL,
	status          TEXT NOT NULL,
	start_date      TEXT NOT NULL DEFAULT '',
	end_date        TEXT NOT NULL DEFAULT '',
	evidence        TEXT NOT NULL DEFAULT '',
	note            TEXT NOT NULL DEFAULT '',
	changed_by      TEXT NOT NULL DEFAULT '',
	created_at      TEXT NOT NULL,
	updated_at      TEXT NOT NULL
);
CREATE INDEX arrangements_organization ON arrangements (organization_id, instrument);
CREATE INDEX arrangements_instrument ON arrangements (instrument);

-- The mandates that asked for an arrangement.
CREATE TABLE arrangement_mandates (
	arrangement_id INTEGER NOT NULL REFERENCES arrangements(id) ON DELETE CASCADE,
	mandate_id     INTEGER NOT NULL REFERENCES mandates(id) ON DELETE CASCADE,
	PRIMARY KEY (arrangement_id, mandate_id)
);
CREATE INDEX arrangement_mandates_mandate ON arrangement_mandates (mandate_id);

-- The organizations each mandate names, asked or not, as extraction found
-- them (accord.Mandate.Organizations).
CREATE TABLE mandate_organizations (
	mandate_id      INTEGER NOT NULL REFERENCES mandates(id) ON DELETE CASCADE,
	organization_id TEXT NOT NULL,
	PRIMARY KEY (mandate_id, organization_id)
);
CREATE INDEX mandate_organizations_organization ON mandate_organizations (organization_id, mandate_id);

-- One counter that every change of an organization or of the actors users
-- added moves on: the actor registry is built again when it has moved.
CREATE TABLE registry_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n  INTEGER NOT NULL
);
INSERT INTO registry_version (id, n) VALUES (1, 0);
