insert into date_candidates by name
select batch_date_candidates.*, $load_id as load_id
from batch_date_candidates
semi join new_versions using (document_id)
on conflict do nothing;
