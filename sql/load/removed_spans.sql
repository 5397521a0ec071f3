insert into removed_spans by name
select batch_spans.*, $load_id as load_id
from batch_spans
semi join new_versions using (document_id)
on conflict do nothing;
