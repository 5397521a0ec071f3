-- severity: error
-- every analysis row belongs to an article (version) the warehouse holds
with orphans as (
    select 'quotes' as table_name, document_id as row_id from quotes
    where document_id not in (select document_id from article_versions)
    union all select 'mentions', document_id from mentions
    where document_id not in (select document_id from article_versions)
    union all select 'article_signatures', document_id from article_signatures
    where document_id not in (select document_id from article_versions)
    union all select 'near_duplicates', article_id from near_duplicates
    where article_id not in (select article_id from articles)
       or duplicate_of_article_id not in (select article_id from articles)
    union all select 'story_articles', article_id from story_articles
    where article_id not in (select article_id from articles)
)
select * from orphans;
