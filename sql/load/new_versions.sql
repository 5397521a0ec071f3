-- the batch's articles whose body differs from the warehouse's current version (or are new)
create or replace temp table new_versions as
select
    batch_articles.*,
    coalesce(articles.version, 0) + 1 as version
from batch_articles
left join articles using (article_id)
where articles.content_hash is distinct from batch_articles.content_hash;
