-- one row per entity: how often the current article versions name it, in how many articles and outlets
create or replace view v_entity_mentions as
select
    mentions.entity_id,
    coalesce(any_value(entities.entity_name), any_value(mentions.mention_text)) as entity_name,
    coalesce(any_value(entities.kind), any_value(mentions.kind)) as kind,
    count(*) as n_mentions,
    count(distinct articles.article_id) as n_articles,
    count(distinct articles.source_id) as n_sources,
    list(distinct articles.source_id order by articles.source_id) as source_ids,
    min(coalesce(articles.published_at, documents.fetched_at)) as first_seen_at,
    max(coalesce(articles.published_at, documents.fetched_at)) as last_seen_at
from mentions
join articles using (document_id)
left join documents on documents.document_id = articles.document_id
left join entities on entities.entity_id = mentions.entity_id
group by mentions.entity_id;
