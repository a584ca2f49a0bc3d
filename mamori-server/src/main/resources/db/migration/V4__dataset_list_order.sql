-- the lists' default order, most recently updated first: a page is read from this index (either direction) instead
-- of sorting every dataset on each request
create index dataset_updated on dataset (updated_at, id);
