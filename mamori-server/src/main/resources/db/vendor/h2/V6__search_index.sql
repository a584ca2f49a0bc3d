-- On PostgreSQL, V6 adds trigram indexes for the searches (db/vendor/postgresql). H2 has no such index: nothing to
-- do here, but the version is kept so that both databases stand at the same version (db copy compares them).
select 1;
