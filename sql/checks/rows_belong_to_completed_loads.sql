-- severity: error
-- every data row was written by a completed load (a batch commits with its ledger row)
with data_rows as (
    select 'documents' as table_name, document_id as row_id, load_id from documents
    union all select 'article_versions', article_id || '#' || version, load_id from article_versions
    union all select 'article_blocks', document_id || '#' || block_index, load_id from article_blocks
    union all select 'removed_spans', document_id || '#' || span_index, load_id from removed_spans
    union all select 'rejects', reject_id, load_id from rejects
    union all select 'quotes', document_id || '#' || quote_index, load_id from quotes
    union all select 'mentions', document_id || '#' || mention_index, load_id from mentions
    union all select 'entities', entity_id, load_id from entities
    union all select 'article_signatures', document_id, load_id from article_signatures
    union all select 'near_duplicates', article_id, load_id from near_duplicates
    union all select 'story_articles', article_id, load_id from story_articles
    union all select 'stories', story_id, load_id from stories
)
select data_rows.*
from data_rows
anti join (select load_id from loads where status = 'completed') as completed using (load_id);
