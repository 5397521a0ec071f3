-- severity: error
-- scope: run (every version of the articles the run's loads wrote a version of)
-- no article version is loaded twice: (article_id, content_hash) is unique in the history
select article_id, content_hash, count(*) as n_versions
from article_versions
where article_id in (select article_id from article_versions where in_run(load_id))
group by article_id, content_hash
having count(*) > 1;
