-- the batch's articles that would make a new version (new, or a body unlike the current one); the stored
-- rows picked by a list of ids, as in load/new_versions.sql
select batch_articles.*
from batch_articles
left join (select article_id, content_hash from articles where article_id in $batch_article_ids) as stored
    using (article_id)
where stored.content_hash is distinct from batch_articles.content_hash
order by batch_articles.article_id
