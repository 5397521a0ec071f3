-- the batch's articles that would make a new version (new, or a body unlike the current one)
select batch_articles.*
from batch_articles
left join articles using (article_id)
where articles.content_hash is distinct from batch_articles.content_hash
order by batch_articles.article_id
