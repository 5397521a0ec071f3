-- severity: error
-- scope: run (the rows the run's loads wrote or updated)
-- dates in range: nothing was fetched, loaded or seen more than a day in the future or before
-- 1900, and every batch finished after it started
with dated as (
    select 'documents.fetched_at' as column_name, document_id as row_id, fetched_at as seen_at
    from documents where in_run(load_id)
    union all select 'article_versions.loaded_at', article_id || '#' || version, loaded_at
    from article_versions where in_run(load_id)
    union all select 'loads.finished_at', load_id, finished_at from loads where in_run(load_id)
    union all select 'rejects.last_seen_at', reject_id, last_seen_at from rejects where in_run(last_load_id)
)
select column_name, row_id, seen_at
from dated
where seen_at > current_timestamp + interval 1 day
   or seen_at < timestamptz '1900-01-01 00:00:00+00'
union all
select 'loads.started_at', load_id, started_at
from loads
where in_run(load_id) and started_at > finished_at;
