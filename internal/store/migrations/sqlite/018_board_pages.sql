-- A page of the mandate board is found by one walk of one index, whatever
-- its filters: each mandate carries what the board filters it by (its
-- decision's instrument, meeting and place in the list order, whom it asks
-- as actor ids and as words) and each of the board's orders is an index
-- holding those columns, so that neither the filters nor the rows skipped
-- before a page far down read a table (mandateOrder and mandateWhere in
-- mandate.go: the expressions must stay the same).
ALTER TABLE mandates ADD COLUMN instrument TEXT NOT NULL DEFAULT '';
ALTER TABLE mandates ADD COLUMN meeting TEXT NOT NULL DEFAULT '';
ALTER TABLE mandates ADD COLUMN decision_source INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mandates ADD COLUMN decision_ordinal INTEGER NOT NULL DEFAULT 0;
-- " secretariat parties ": the actor ids, each between spaces.
ALTER TABLE mandates ADD COLUMN actors TEXT NOT NULL DEFAULT '';
-- The words of the addressees in lower case, joined by " | ".
ALTER TABLE mandates ADD COLUMN asked TEXT NOT NULL DEFAULT '';
-- The words of the first addressee as the board shows them, its sort.
ALTER TABLE mandates ADD COLUMN asked_first TEXT NOT NULL DEFAULT '';
UPDATE mandates SET instrument = d.instrument, meeting = d.meeting, decision_source = d.source_id, decision_ordinal = d.ordinal
	FROM decisions d WHERE d.id = mandates.decision_id;
UPDATE mandates SET asked_first = coalesce(substr(json_extract(addressees, '$[0].text'), 1, 200), ''),
	actors = coalesce((SELECT ' ' || group_concat(a.actor, ' ') || ' ' FROM mandate_actors a WHERE a.mandate_id = mandates.id), ''),
	asked = coalesce((SELECT lower(group_concat(a.text, ' | ')) FROM mandate_actors a WHERE a.mandate_id = mandates.id), '');
-- A decision's mandates follow it when it moves in the list or is
-- corrected (ingest and corrections set its columns, mandates the rest).
CREATE TRIGGER decisions_mandates_update AFTER UPDATE OF instrument, meeting, source_id, ordinal ON decisions BEGIN
	UPDATE mandates SET instrument = new.instrument, meeting = new.meeting, decision_source = new.source_id, decision_ordinal = new.ordinal
		WHERE decision_id = new.id;
END;

DROP INDEX mandates_due_order;
DROP INDEX mandates_status_order;
DROP INDEX mandates_actor_order;
CREATE INDEX mandates_board_decision ON mandates (instrument, meeting, decision_source, decision_ordinal, decision_id, seq, id,
	status, due_meeting, due_date, owner, checked_by, actors, asked);
CREATE INDEX mandates_board_due ON mandates ((due_date = ''), due_date, (due_meeting = ''), due_meeting, id,
	instrument, meeting, status, owner, checked_by, actors, asked);
CREATE INDEX mandates_board_status ON mandates (status, id,
	instrument, meeting, due_meeting, due_date, owner, checked_by, actors, asked);
CREATE INDEX mandates_board_actor ON mandates (asked_first, id,
	instrument, meeting, status, due_meeting, due_date, owner, checked_by, actors, asked);

-- The decisions list: its order with what it filters by, and the words of
-- each decision's symbol and title (the text filter matches words and
-- their beginnings, not any run of letters).
CREATE INDEX decisions_board ON decisions (instrument, meeting, source_id, ordinal, id, year, kind);
DROP INDEX decisions_list;
CREATE VIRTUAL TABLE decisions_words USING fts5(
	symbol,
	title,
	content = 'decisions',
	content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO decisions_words (decisions_words) VALUES ('rebuild');
CREATE TRIGGER decisions_words_insert AFTER INSERT ON decisions BEGIN
	INSERT INTO decisions_words (rowid, symbol, title) VALUES (new.id, new.symbol, new.title);
END;
CREATE TRIGGER decisions_words_delete AFTER DELETE ON decisions BEGIN
	INSERT INTO decisions_words (decisions_words, rowid, symbol, title) VALUES ('delete', old.id, old.symbol, old.title);
END;
CREATE TRIGGER decisions_words_update AFTER UPDATE OF symbol, title ON decisions BEGIN
	INSERT INTO decisions_words (decisions_words, rowid, symbol, title) VALUES ('delete', old.id, old.symbol, old.title);
	INSERT INTO decisions_words (rowid, symbol, title) VALUES (new.id, new.symbol, new.title);
END;
