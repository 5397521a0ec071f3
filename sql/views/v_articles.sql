-- one row per article (its current version), with its outlet, story and near-duplicate group:
-- the stable interface for BI (tables may change, this view keeps its columns)
create or replace view v_articles as
select
    articles.article_id,
    articles.version,
    articles.source_id,
    sources.name as source_name,
    articles.title,
    articles.url,
    articles.uri,
    articles.authors,
    articles.agencies,
    articles.is_syndicated,
    articles.language,
    articles.published_at,
    documents.fetched_at,
    coalesce(articles.published_at, documents.fetched_at) as reported_at,
    articles.n_words,
    story_articles.story_id,
    coalesce(near_duplicates.duplicate_group_id, articles.article_id) as duplicate_group_id,
    near_duplicates.duplicate_of_article_id,
    near_duplicates.similarity as duplicate_similarity,
    (select count(*) from quotes where quotes.document_id = articles.document_id) as n_quotes,
    (select count(*) from mentions where mentions.document_id = articles.document_id) as n_mentions,
    articles.loaded_at,
    sources.domain as source_domain,          -- the outlet's registrable domain (added with migration 008)
    sources.is_curated as is_curated_source,  -- false: an outlet found from the article's URL, not in the registry
    articles.published_local_date,            -- published_at's day as the page printed it
    articles.credit_organisations
from articles
left join sources using (source_id)
left join documents using (document_id)
left join story_articles using (article_id)
left join near_duplicates using (article_id);
