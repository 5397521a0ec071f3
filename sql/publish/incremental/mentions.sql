-- mentions: inserted with a new version, never changed: the rows of the loads the snapshot lacks
insert into published_snapshot.mentions by name select * from mentions where load_id in (select load_id from publish_loads);
