-- a new version is assigned afresh (usually to the story its earlier version was in); the
-- stories it leaves and joins are recomputed by load/stories.sql
create or replace temp table touched_stories as
select story_id from story_articles where article_id in (select article_id from new_versions)
union
select story_id from batch_story_articles where article_id in (select article_id from new_versions);
delete from story_articles where article_id in (select article_id from new_versions);
insert into story_articles by name
select batch_story_articles.article_id, batch_story_articles.story_id, new_versions.document_id,
       batch_story_articles.event_at, batch_story_articles.language, batch_story_articles.entity_ids,
       batch_story_articles.terms, batch_story_articles.similarity, batch_story_articles.is_opener,
       $load_id as load_id
from batch_story_articles
join new_versions using (article_id);
