-- stories: a touched story is recomputed (load_id set) or deleted when it lost every article:
-- the snapshot's rows that a later load rewrote (or removed) go, then every row those loads wrote (load_id)
delete from published_snapshot.stories where story_id in (select story_id from stories where load_id in (select load_id from publish_loads));
delete from published_snapshot.stories where story_id not in (select story_id from stories);
insert into published_snapshot.stories by name select * from stories where load_id in (select load_id from publish_loads);
