-- The unfiltered lists' totals, kept instead of counted: counting 100,000 rows on every list page costs PostgreSQL
-- milliseconds of CPU each time. The repositories add and subtract in the same transaction as each insert and
-- delete (a create already waits for the audit log's head row, so one more row update per create adds no waiting).
-- Rows written by hand bypass these counts; such a database is not the server's to keep consistent.
-- 'dataset': the datasets; 'register:<name>': the entries of one register in register_entry.
create table row_count (
    name            varchar(60)   primary key,
    n               bigint        not null
);
insert into row_count (name, n) select 'dataset', count(*) from dataset;
insert into row_count (name, n) select 'register:provisions', count(*) from register_entry where register = 'provisions';
insert into row_count (name, n) select 'register:transfers', count(*) from register_entry where register = 'transfers';
insert into row_count (name, n) select 'register:requests', count(*) from register_entry where register = 'requests';
insert into row_count (name, n) select 'register:incidents', count(*) from register_entry where register = 'incidents';
