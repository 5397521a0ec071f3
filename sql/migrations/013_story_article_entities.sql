-- One row per (stored story article, entity it names), with its event time (issue 20): a batch's
-- story candidates are the articles sharing one of its entities in a time bucket next to its own
-- (sql/read/story_candidates.sql), not a range join of the batch with every story article.
create table story_article_entities (
    entity_id varchar not null,
    article_id varchar not null,
    event_at timestamptz not null
);
insert into story_article_entities
select distinct unnest(entity_ids) as entity_id, article_id, event_at from story_articles;
