-- severity: error
-- scope: run (the articles the run's loads wrote a version or an articles row of)
-- the articles table holds exactly the latest version of each article in article_versions
with touched as (
    select article_id from article_versions where in_run(load_id)
    union
    select article_id from articles where in_run(load_id)
),
latest as (
    select article_id, max(version) as version
    from article_versions
    semi join touched using (article_id)
    group by article_id
),
current_rows as (
    select article_id, version from articles semi join touched using (article_id)
)
select coalesce(current_rows.article_id, latest.article_id) as article_id, current_rows.version,
       latest.version as latest_version
from current_rows
full outer join latest using (article_id)
where current_rows.version is distinct from latest.version;
