-- The retention purge deletes audit entries by age.
CREATE INDEX audit_when ON audit (at);
