-- incremental publishing (issue 20): how each snapshot was written
--   copy         every table of the live file copied into a new file (the first publish, a changed
--                schema, or a standby that could not be brought up to date: `method_note` says why)
--   incremental  the standby snapshot (the one published before the current one) brought up to date
--                with the rows of the loads it lacks, then switched in
-- rows recorded before this migration were copies
alter table publishes add column method varchar;
alter table publishes add column method_note varchar;
