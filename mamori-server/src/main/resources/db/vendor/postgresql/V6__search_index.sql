-- Searches are substring matches (like '%…%'), which no B-tree index serves: on PostgreSQL, trigram indexes (pg_trgm)
-- on the searched expressions, so a search for a rare word reads a few rows instead of every dataset. The same version
-- on H2 (db/vendor/h2) changes nothing, so both databases stand at the same version (db copy compares them).
-- pg_trgm is a trusted extension (PostgreSQL 13 and later): the database's owner may create it. Where it cannot be
-- created (no privilege, not installed), the migration says so and completes without the indexes: searches are then
-- as before, correct but scanning.
do $$
declare
    ops text;
begin
    begin
        if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
            create extension pg_trgm;
        end if;
    exception when others then
        raise warning 'mamori: pg_trgm could not be created (%), so searches read every row; a superuser may run "create extension pg_trgm" and then the indexes of migration V6 by hand', sqlerrm;
        return;
    end;
    -- the operator class where the extension is (it may have been created in another schema before)
    select format('%I.gin_trgm_ops', n.nspname) into ops
        from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
    execute format('create index dataset_name_trgm on dataset using gin (lower(name) %s)', ops);
    execute format('create index dataset_purpose_trgm on dataset using gin (lower(purpose) %s)', ops);
    execute format('create index dataset_system_trgm on dataset using gin (lower(coalesce(system_name, %L)) %s)', '', ops);
    execute format('create index register_entry_search_trgm on register_entry using gin (search_text %s)', ops);
end
$$;
