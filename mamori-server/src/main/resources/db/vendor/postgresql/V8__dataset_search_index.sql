-- Dataset searches now look in one column, search_text (migration V7), instead of three expressions: its trigram index
-- replaces V6's three. As in V6, without pg_trgm (it could not be created then) nothing is made and searches scan.
do $$
declare
    ops text;
begin
    select format('%I.gin_trgm_ops', n.nspname) into ops
        from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
    drop index if exists dataset_name_trgm;
    drop index if exists dataset_purpose_trgm;
    drop index if exists dataset_system_trgm;
    if ops is null then
        raise warning 'mamori: pg_trgm is not installed, so dataset searches read every row (see migration V6)';
        return;
    end if;
    execute format('create index dataset_search_trgm on dataset using gin (search_text %s)', ops);
end
$$;
