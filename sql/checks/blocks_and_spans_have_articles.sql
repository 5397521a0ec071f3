-- severity: error
-- scope: run (the blocks and spans of the run's loads, looked up in documents and article_versions)
-- referential integrity: every block and removed span belongs to a known document and article
with children as (
    select 'article_blocks' as table_name, document_id, article_id from article_blocks where in_run(load_id)
    union all select 'removed_spans', document_id, article_id from removed_spans where in_run(load_id)
)
select table_name, document_id, article_id, count(*) as n_rows
from children
where document_id not in (select document_id from documents)
   or article_id not in (select article_id from article_versions)
group by table_name, document_id, article_id;
