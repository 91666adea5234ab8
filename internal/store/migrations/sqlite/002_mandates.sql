-- Mandates: what each decision asks of whom, tracked until reported on.
CREATE TABLE mandates (
	id           INTEGER PRIMARY KEY,
	decision_id  INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
	seq          INTEGER NOT NULL,
	path         TEXT NOT NULL,
	verb         TEXT NOT NULL,
	phrase       TEXT NOT NULL,
	action       TEXT NOT NULL,
	deliverable  TEXT NOT NULL,
	deadline     TEXT NOT NULL DEFAULT '',
	due_meeting  TEXT NOT NULL DEFAULT '',
	due_date     TEXT NOT NULL DEFAULT '',
	periodicity  TEXT NOT NULL DEFAULT '',
	conditions   TEXT NOT NULL DEFAULT '[]',
	helpers      TEXT NOT NULL DEFAULT '[]',
	addressees   TEXT NOT NULL DEFAULT '[]',
	mentions     TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL DEFAULT 'open',
	owner        TEXT NOT NULL DEFAULT '',
	notes        TEXT NOT NULL DEFAULT '',
	extracted    INTEGER NOT NULL DEFAULT 1,
	updated_at   TEXT NOT NULL
);
CREATE INDEX mandates_decision ON mandates (decision_id, seq);
CREATE INDEX mandates_status ON mandates (status);
CREATE INDEX mandates_due ON mandates (due_meeting);

CREATE TABLE mandate_actors (
	mandate_id INTEGER NOT NULL REFERENCES mandates(id) ON DELETE CASCADE,
	actor      TEXT NOT NULL,
	text       TEXT NOT NULL,
	qualifier  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mandate_actors_actor ON mandate_actors (actor);
CREATE INDEX mandate_actors_mandate ON mandate_actors (mandate_id);

CREATE TABLE mandate_history (
	id         INTEGER PRIMARY KEY,
	mandate_id INTEGER NOT NULL REFERENCES mandates(id) ON DELETE CASCADE,
	at         TEXT NOT NULL,
	who        TEXT NOT NULL,
	field      TEXT NOT NULL,
	old_value  TEXT NOT NULL,
	new_value  TEXT NOT NULL,
	why        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mandate_history_mandate ON mandate_history (mandate_id, id);

CREATE TABLE mandate_evidence (
	id         INTEGER PRIMARY KEY,
	mandate_id INTEGER NOT NULL REFERENCES mandates(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL,
	ref        TEXT NOT NULL,
	added_at   TEXT NOT NULL,
	who        TEXT NOT NULL
);
CREATE INDEX mandate_evidence_mandate ON mandate_evidence (mandate_id, id);
