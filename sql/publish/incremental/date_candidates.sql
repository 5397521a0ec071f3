-- date_candidates: inserted with a new version, never changed: the rows of the loads the snapshot lacks
insert into published_snapshot.date_candidates by name select * from date_candidates where load_id in (select load_id from publish_loads);
