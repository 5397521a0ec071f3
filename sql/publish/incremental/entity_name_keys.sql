-- entity_name_keys: the keys of a new or changed entity replace its earlier keys (load_id set);
-- a backfill (load_id 'backfill', no load) changes the row count: the publish then copies the file
delete from published_snapshot.entity_name_keys where entity_id in (select entity_id from entity_name_keys where load_id in (select load_id from publish_loads));
insert into published_snapshot.entity_name_keys by name select * from entity_name_keys where load_id in (select load_id from publish_loads);
