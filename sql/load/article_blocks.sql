insert into article_blocks by name
select batch_blocks.*, $load_id as load_id
from batch_blocks
semi join new_versions using (document_id)
on conflict do nothing;
