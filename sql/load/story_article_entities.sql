-- the entities of the story articles this load replaced (new versions: story_articles.sql, just
-- before); stored articles that only moved between stories keep their rows
delete from story_article_entities where article_id in (select article_id from new_versions);
insert into story_article_entities
select distinct unnest(entity_ids) as entity_id, article_id, event_at
from story_articles
where load_id = $load_id and article_id in (select article_id from new_versions);
