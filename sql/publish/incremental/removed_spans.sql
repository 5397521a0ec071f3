-- removed_spans: inserted with a new version, never changed: the rows of the loads the snapshot lacks
insert into published_snapshot.removed_spans by name select * from removed_spans where load_id in (select load_id from publish_loads);
