insert into article_dates by name
select batch_article_dates.*, $load_id as load_id
from batch_article_dates
semi join new_versions using (document_id)
on conflict do nothing;
