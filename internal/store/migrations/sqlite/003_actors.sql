-- Actors users add to the registry: names, acronyms and aliases of a body.
CREATE TABLE actors (
	id   TEXT NOT NULL,
	name TEXT NOT NULL,
	PRIMARY KEY (id, name)
);
