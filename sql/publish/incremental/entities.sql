-- entities: a load adds entities and updates known ones (name, aliases; load_id set):
-- the snapshot's rows that a later load rewrote (or removed) go, then every row those loads wrote (load_id)
delete from published_snapshot.entities where entity_id in (select entity_id from entities where load_id in (select load_id from publish_loads));
insert into published_snapshot.entities by name select * from entities where load_id in (select load_id from publish_loads);
