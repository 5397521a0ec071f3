-- story_article_entities: the rows of a new version's article replace its earlier rows (no load_id:
-- by the articles the loads wrote a version of)
delete from published_snapshot.story_article_entities where article_id in (select article_id from publish_articles);
insert into published_snapshot.story_article_entities by name select * from story_article_entities where article_id in (select article_id from publish_articles);
