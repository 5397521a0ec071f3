-- severity: error
-- scope: run (the analysis rows of the run's loads, looked up in the tables they name)
-- every analysis row belongs to an article (version) the warehouse holds
with orphans as (
    select 'quotes' as table_name, document_id as row_id from quotes
    where in_run(load_id) and document_id not in (select document_id from article_versions)
    union all select 'mentions', document_id from mentions
    where in_run(load_id) and document_id not in (select document_id from article_versions)
    union all select 'article_signatures', document_id from article_signatures
    where in_run(load_id) and document_id not in (select document_id from article_versions)
    union all select 'near_duplicates', article_id from near_duplicates
    where in_run(load_id)
      and (article_id not in (select article_id from articles)
           or duplicate_of_article_id not in (select article_id from articles))
    union all select 'story_articles', article_id from story_articles
    where in_run(load_id) and article_id not in (select article_id from articles)
)
select * from orphans;
