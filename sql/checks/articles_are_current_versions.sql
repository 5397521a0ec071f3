-- severity: error
-- the articles table holds exactly the latest version of each article in article_versions
with latest as (
    select article_id, max(version) as version from article_versions group by article_id
)
select coalesce(articles.article_id, latest.article_id) as article_id, articles.version, latest.version as latest_version
from articles
full outer join latest using (article_id)
where articles.version is distinct from latest.version;
