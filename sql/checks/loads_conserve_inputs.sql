-- severity: error
-- scope: ledger (the run's loads: checked even when the run changed no data)
-- conservation per batch: every input ends loaded, unchanged or rejected, and the loaded count
-- is the number of article versions the batch wrote; the rejects seen again (migration 016) are a
-- part of the rejected
with versions as (
    select load_id, count(*) as n_versions from article_versions where in_run(load_id) group by load_id
)
select loads.load_id, loads.run_id, loads.n_inputs, loads.n_loaded, loads.n_unchanged, loads.n_rejected,
       loads.n_rejected_again,
       coalesce(versions.n_versions, 0) as n_versions_written
from loads
left join versions using (load_id)
where in_run(loads.load_id)
  and (loads.n_inputs <> loads.n_loaded + loads.n_unchanged + loads.n_rejected
       or least(loads.n_loaded, loads.n_unchanged, loads.n_rejected) < 0
       or loads.n_loaded <> coalesce(versions.n_versions, 0)
       or loads.n_rejected_again is null
       or loads.n_rejected_again not between 0 and loads.n_rejected);
