-- The version of what every page of the lists shows beside its rows (the
-- board's choices and counts, the decisions by instrument, the meetings
-- held): each process keeps them until the version changes (listCache in
-- store.go), and reads the version, one row, on every page instead.
-- Every change of decisions, mandates, whom mandates ask or meetings adds
-- one to it in its transaction; SQLite's one writer numbers the versions
-- in the order their transactions commit.
CREATE TABLE list_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	version INTEGER NOT NULL
);
INSERT INTO list_version (id, version) VALUES (1, 1);
CREATE TRIGGER decisions_list_version_insert AFTER INSERT ON decisions BEGIN
	UPDATE list_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER decisions_list_version_update AFTER UPDATE ON decisions BEGIN
	UPDATE list_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER decisions_list_version_delete AFTER DELETE ON decisions BEGIN
	UPDATE list_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER mandates_list_version_insert AFTER INSERT ON mandates BEGIN
	UPDATE list_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER mandates_list_version_update AFTER UPDATE ON mandates BEGIN
	UPDATE list_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER mandates_list_version_delete AFTER DELETE ON mandates BEGIN
	UPDATE list_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER mandate_actors_list_version_insert AFTER INSERT ON mandate_actors BEGIN
	UPDATE list_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER mandate_actors_list_version_update AFTER UPDATE ON mandate_actors BEGIN
	UPDATE list_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER mandate_actors_list_version_delete AFTER DELETE ON mandate_actors BEGIN
	UPDATE list_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER meetings_list_version_insert AFTER INSERT ON meetings BEGIN
	UPDATE list_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER meetings_list_version_update AFTER UPDATE ON meetings BEGIN
	UPDATE list_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER meetings_list_version_delete AFTER DELETE ON meetings BEGIN
	UPDATE list_version SET version = version + 1 WHERE id = 1;
END;
