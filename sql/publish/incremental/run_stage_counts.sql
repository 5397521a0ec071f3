-- run_stage_counts: a few rows per run, written outside loads: replaced whole
delete from published_snapshot.run_stage_counts;
insert into published_snapshot.run_stage_counts by name select * from run_stage_counts;
