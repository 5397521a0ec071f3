-- every quote of the current article versions: who said it, in which article and outlet, when
create or replace view v_who_said_what as
select
    quotes.speaker,
    quotes.speaker_entity_id,
    entities.entity_name as speaker_entity_name,
    quotes.quote_text,
    quotes.verb,
    quotes.speaker_method,
    quotes.quote_index,
    articles.article_id,
    articles.title,
    articles.source_id,
    sources.name as source_name,
    articles.language,
    articles.published_at,
    coalesce(articles.published_at, documents.fetched_at) as reported_at,
    story_articles.story_id
from quotes
join articles using (document_id)
left join documents on documents.document_id = articles.document_id
left join sources on sources.source_id = articles.source_id
left join entities on entities.entity_id = quotes.speaker_entity_id
left join story_articles on story_articles.article_id = articles.article_id;
