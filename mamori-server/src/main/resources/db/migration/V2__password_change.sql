-- a one-time password must be replaced at the first login
alter table app_user add column must_change_password boolean default false not null;
