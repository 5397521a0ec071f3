-- severity: error
-- no article version is loaded twice: (article_id, content_hash) is unique in the history
select article_id, content_hash, count(*) as n_versions
from article_versions
group by article_id, content_hash
having count(*) > 1;
