-- the batch's articles whose body differs from the warehouse's current version (or are new). The stored
-- rows are picked by a list of ids ($batch_article_ids), not a join with the batch's frame: DuckDB filters
-- the scan with the list (0.01 against 0.04 s a batch at 1 M articles)
create or replace temp table new_versions as
select
    batch_articles.*,
    coalesce(stored.version, 0) + 1 as version
from batch_articles
left join (select article_id, version, content_hash from articles where article_id in $batch_article_ids) as stored
    using (article_id)
where stored.content_hash is distinct from batch_articles.content_hash;
