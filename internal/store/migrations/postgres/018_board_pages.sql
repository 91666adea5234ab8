-- A page of the mandate board is found by one walk of one index, whatever
-- its filters: each mandate carries what the board filters it by (its
-- decision's instrument, meeting and place in the list order, whom it asks
-- as actor ids and as words) and each of the board's orders is an index
-- holding those columns (mandateOrder and mandateWhere in mandate.go: the
-- expressions must stay the same).
ALTER TABLE mandates ADD COLUMN instrument TEXT NOT NULL DEFAULT '';
ALTER TABLE mandates ADD COLUMN meeting TEXT NOT NULL DEFAULT '';
ALTER TABLE mandates ADD COLUMN decision_source BIGINT NOT NULL DEFAULT 0;
ALTER TABLE mandates ADD COLUMN decision_ordinal INTEGER NOT NULL DEFAULT 0;
-- " secretariat parties ": the actor ids, each between spaces.
ALTER TABLE mandates ADD COLUMN actors TEXT NOT NULL DEFAULT '';
-- The words of the addressees in lower case, joined by " | ".
ALTER TABLE mandates ADD COLUMN asked TEXT NOT NULL DEFAULT '';
-- The words of the first addressee as the board shows them, its sort.
ALTER TABLE mandates ADD COLUMN asked_first TEXT NOT NULL DEFAULT '';
UPDATE mandates SET instrument = d.instrument, meeting = d.meeting, decision_source = d.source_id, decision_ordinal = d.ordinal
	FROM decisions d WHERE d.id = mandates.decision_id;
UPDATE mandates SET asked_first = coalesce(left(addressees->0->>'text', 200), ''),
	actors = coalesce((SELECT ' ' || string_agg(a.actor, ' ') || ' ' FROM mandate_actors a WHERE a.mandate_id = mandates.id), ''),
	asked = coalesce((SELECT lower(string_agg(a.text, ' | ')) FROM mandate_actors a WHERE a.mandate_id = mandates.id), '');
-- A decision's mandates follow it when it moves in the list or is
-- corrected (ingest and corrections set its columns, mandates the rest).
CREATE FUNCTION decisions_mandates_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE mandates SET instrument = NEW.instrument, meeting = NEW.meeting, decision_source = NEW.source_id, decision_ordinal = NEW.ordinal WHERE decision_id = NEW.id; RETURN NULL; END $$;
CREATE TRIGGER decisions_mandates_update AFTER UPDATE OF instrument, meeting, source_id, ordinal ON decisions
	FOR EACH ROW WHEN (OLD.instrument IS DISTINCT FROM NEW.instrument OR OLD.meeting IS DISTINCT FROM NEW.meeting OR
		OLD.source_id IS DISTINCT FROM NEW.source_id OR OLD.ordinal IS DISTINCT FROM NEW.ordinal)
	EXECUTE FUNCTION decisions_mandates_update();

DROP INDEX mandates_due_order;
DROP INDEX mandates_status_order;
DROP INDEX mandates_actor_order;
CREATE INDEX mandates_board_decision ON mandates (instrument, meeting, decision_source, decision_ordinal, decision_id, seq, id)
	INCLUDE (status, due_meeting, due_date, owner, checked_by, actors, asked);
CREATE INDEX mandates_board_due ON mandates ((due_date = ''), due_date, (due_meeting = ''), due_meeting, id)
	INCLUDE (instrument, meeting, status, owner, checked_by, actors, asked);
CREATE INDEX mandates_board_status ON mandates (status, id)
	INCLUDE (instrument, meeting, due_meeting, due_date, owner, checked_by, actors, asked);
CREATE INDEX mandates_board_actor ON mandates (asked_first, id)
	INCLUDE (instrument, meeting, status, due_meeting, due_date, owner, checked_by, actors, asked);

-- The decisions list: its order with what it filters by, and the words of
-- each decision's symbol and title (the text filter matches words and
-- their beginnings, not any run of letters).
CREATE INDEX decisions_board ON decisions (instrument, meeting, source_id, ordinal, id) INCLUDE (year, kind);
DROP INDEX decisions_list;
CREATE INDEX decisions_words ON decisions USING gin (to_tsvector('simple', regexp_replace(symbol || ' ' || title, '[^[:alnum:]]+', ' ', 'g')));
