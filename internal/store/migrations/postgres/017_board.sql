-- The mandate board's lists: its actor filter is counted and named by one
-- walk of this index in order (no sort of the whole table), and its owners
-- and the bodies of meetings are read from indexes, not the tables.
CREATE INDEX mandate_actors_named ON mandate_actors (actor, text, mandate_id);
CREATE INDEX mandates_owner ON mandates (owner);
CREATE INDEX decisions_meeting ON decisions (meeting);
-- The board's sorts by due date, status and first addressee (mandateOrder
-- in mandate.go: the expressions must stay the same).
CREATE INDEX mandates_due_order ON mandates ((due_date = ''), due_date, (due_meeting = ''), due_meeting, id);
CREATE INDEX mandates_status_order ON mandates (status, id);
CREATE INDEX mandates_actor_order ON mandates ((left(addressees->0->>'text', 200)), id);
-- The filters that keep few mandates: a person's check.
CREATE INDEX mandates_checked ON mandates (checked_by);
