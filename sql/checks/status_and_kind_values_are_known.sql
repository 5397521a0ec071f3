-- severity: error
-- scope: run (the rows the run's loads wrote)
-- accepted values: statuses, kinds and origins are words of their small vocabularies
with coded as (
    select 'documents.status' as column_name, status as value from documents where in_run(load_id)
    union all select 'documents.kind', kind from documents where in_run(load_id)
    union all select 'documents.origin', coalesce(origin, 'file') from documents where in_run(load_id)
    union all select 'loads.status', status from loads where in_run(load_id)
    union all select 'article_blocks.kind', kind from article_blocks where in_run(load_id)
    union all select 'articles.extractor', coalesce(extractor, 'none') from articles where in_run(load_id)
    union all select 'articles.published_at_source', coalesce(published_at_source, 'none') from articles where in_run(load_id)
    union all select 'articles.modified_at_source', coalesce(modified_at_source, 'none') from articles where in_run(load_id)
    union all select 'articles.seen_at_source', coalesce(seen_at_source, 'none') from articles where in_run(load_id)
    union all select 'date_candidates.source', source from date_candidates where in_run(load_id)
)
select column_name, value, count(*) as n_rows
from coded
where value is null
   or not list_contains(
        case column_name
            when 'documents.status' then ['loaded', 'unchanged', 'rejected']
            when 'documents.kind' then ['text', 'html']
            when 'documents.origin' then ['file', 'http', 'warc']
            when 'loads.status' then ['completed']
            when 'article_blocks.kind' then ['title', 'deck', 'heading', 'paragraph', 'caption']
            when 'articles.extractor' then ['none', 'trafilatura', 'readability', 'trafilatura+readability']
            -- date provenance (transforms/dates.py PROVENANCE); 'none' when there is no date
            when 'articles.published_at_source' then ['none', 'jsonld', 'meta', 'url', 'htmldate', 'visible_text', 'sidecar']
            when 'articles.modified_at_source' then ['none', 'jsonld', 'meta', 'htmldate', 'visible_text', 'sidecar']
            when 'articles.seen_at_source' then ['none', 'fetch_time']
            when 'date_candidates.source' then ['jsonld', 'meta', 'url', 'htmldate', 'visible_text', 'sidecar']
        end,
        value
   )
group by column_name, value;
