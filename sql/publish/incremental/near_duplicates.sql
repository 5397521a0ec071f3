-- near_duplicates: a new version is compared afresh: its row is replaced or deleted:
-- the snapshot's rows that a later load rewrote (or removed) go, then every row those loads wrote (load_id)
delete from published_snapshot.near_duplicates where article_id in (select article_id from near_duplicates where load_id in (select load_id from publish_loads));
delete from published_snapshot.near_duplicates where article_id in (select article_id from publish_articles);
insert into published_snapshot.near_duplicates by name select * from near_duplicates where load_id in (select load_id from publish_loads);
