-- Lists of decisions and mandates are read in this order a page at a time:
-- the index walks it, so a page costs the same at the start of a list of
-- tens of thousands as further on, and a filter on an instrument (and a
-- meeting) reads only that part of it.
CREATE INDEX decisions_list ON decisions (instrument, meeting, source_id, ordinal, id);
DROP INDEX decisions_meeting;
