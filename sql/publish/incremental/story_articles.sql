-- story_articles: a new version's row is replaced, a stored article that moves is updated (load_id set):
-- the snapshot's rows that a later load rewrote (or removed) go, then every row those loads wrote (load_id)
delete from published_snapshot.story_articles where article_id in (select article_id from story_articles where load_id in (select load_id from publish_loads));
delete from published_snapshot.story_articles where article_id in (select article_id from publish_articles);
insert into published_snapshot.story_articles by name select * from story_articles where load_id in (select load_id from publish_loads);
