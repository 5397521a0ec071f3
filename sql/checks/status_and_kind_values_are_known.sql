-- severity: error
-- accepted values: statuses, kinds and origins are words of their small vocabularies
with coded as (
    select 'documents.status' as column_name, status as value from documents
    union all select 'documents.kind', kind from documents
    union all select 'documents.origin', coalesce(origin, 'file') from documents
    union all select 'loads.status', status from loads
    union all select 'article_blocks.kind', kind from article_blocks
    union all select 'articles.extractor', coalesce(extractor, 'none') from articles
    union all select 'articles.published_at_source', coalesce(published_at_source, 'none') from articles
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
            when 'articles.extractor' then ['none', 'trafilatura', 'readability']
            when 'articles.published_at_source' then ['none', 'html_metadata']
        end,
        value
   )
group by column_name, value;
