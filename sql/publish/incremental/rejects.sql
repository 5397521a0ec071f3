-- rejects: a reject seen again is updated (n_seen, last_seen_at, detail; last_load_id set):
-- the snapshot's rows that a later load rewrote (or removed) go, then every row those loads wrote (last_load_id)
delete from published_snapshot.rejects where reject_id in (select reject_id from rejects where last_load_id in (select load_id from publish_loads));
insert into published_snapshot.rejects by name select * from rejects where last_load_id in (select load_id from publish_loads);
