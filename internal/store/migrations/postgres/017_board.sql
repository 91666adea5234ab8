-- The mandate board's lists: its actor filter is counted and named by one
-- walk of this index in order (no sort of the whole table), and its owners
-- and the bodies of meetings are read from indexes, not the tables.
CREATE INDEX mandate_actors_named ON mandate_actors (actor, text, mandate_id);
CREATE INDEX mandates_owner ON mandates (owner);
CREATE INDEX decisions_meeting ON decisions (meeting);
