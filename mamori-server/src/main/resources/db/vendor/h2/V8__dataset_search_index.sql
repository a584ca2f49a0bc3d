-- On PostgreSQL, V8 indexes dataset.search_text for searches (db/vendor/postgresql). Nothing to do on H2; the version
-- is kept so that both databases stand at the same version (db copy compares them).
select 1;
