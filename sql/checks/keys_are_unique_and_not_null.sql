-- severity: error
-- every table's key is present and unique (a key that repeats or is missing breaks every join)
with keys as (
    select 'sources' as table_name, source_id as key from sources
    union all select 'loads', load_id from loads
    union all select 'documents', document_id from documents
    union all select 'articles', article_id from articles
    union all select 'article_versions', article_id || '#' || version from article_versions
    union all select 'article_blocks', document_id || '#' || block_index from article_blocks
    union all select 'removed_spans', document_id || '#' || span_index from removed_spans
    union all select 'rejects', reject_id from rejects
    union all select 'fetch_state', url from fetch_state
    union all select 'quotes', document_id || '#' || quote_index from quotes
    union all select 'mentions', document_id || '#' || mention_index from mentions
    union all select 'entities', entity_id from entities
    union all select 'article_signatures', document_id from article_signatures
    union all select 'near_duplicates', article_id from near_duplicates
    union all select 'story_articles', article_id from story_articles
    union all select 'stories', story_id from stories
)
select table_name, key, count(*) as n_rows
from keys
group by table_name, key
having key is null or count(*) > 1;
