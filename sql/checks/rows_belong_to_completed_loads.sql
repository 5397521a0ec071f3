-- severity: error
-- scope: run (the rows the run's loads wrote; `newsetl check` also finds rows of a load id the
-- ledger never recorded, which a run's scope cannot name)
-- every data row was written by a completed load (a batch commits with its ledger row)
with data_rows as (
    select 'documents' as table_name, document_id as row_id, load_id from documents where in_run(load_id)
    union all select 'article_versions', article_id || '#' || version, load_id
    from article_versions where in_run(load_id)
    union all select 'article_blocks', document_id || '#' || block_index, load_id
    from article_blocks where in_run(load_id)
    union all select 'removed_spans', document_id || '#' || span_index, load_id
    from removed_spans where in_run(load_id)
    union all select 'rejects', reject_id, load_id from rejects where in_run(load_id)
    union all select 'quotes', document_id || '#' || quote_index, load_id from quotes where in_run(load_id)
    union all select 'mentions', document_id || '#' || mention_index, load_id from mentions where in_run(load_id)
    union all select 'entities', entity_id, load_id from entities where in_run(load_id)
    union all select 'article_signatures', document_id, load_id from article_signatures where in_run(load_id)
    union all select 'near_duplicates', article_id, load_id from near_duplicates where in_run(load_id)
    union all select 'story_articles', article_id, load_id from story_articles where in_run(load_id)
    union all select 'stories', story_id, load_id from stories where in_run(load_id)
)
select data_rows.*
from data_rows
anti join (select load_id from loads where status = 'completed') as completed using (load_id);
