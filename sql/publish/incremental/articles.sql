-- articles: the current version of each article: a new version replaces the row (insert or replace, load_id set):
-- the snapshot's rows that a later load rewrote (or removed) go, then every row those loads wrote (load_id)
delete from published_snapshot.articles where article_id in (select article_id from articles where load_id in (select load_id from publish_loads));
insert into published_snapshot.articles by name select * from articles where load_id in (select load_id from publish_loads);
