-- the run's counts per stage and reason, written once at the end of the run (a repeat replaces them)
insert or replace into run_stage_counts by name
select run_id, stage, reason, is_rejected, n_inputs, $recorded_at as recorded_at
from batch_stage_counts;
