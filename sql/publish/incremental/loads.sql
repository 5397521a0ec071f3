-- loads: one row per load, written once: the rows of the loads the snapshot lacks
insert into published_snapshot.loads by name select * from loads where load_id in (select load_id from publish_loads);
