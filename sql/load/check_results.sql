insert into check_results by name
select check_run_id, run_id, load_ids, check_name, severity, n_failing, sample::json as sample, checked_at, scope
from batch_check_results;
