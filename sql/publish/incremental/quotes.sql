-- quotes: inserted with a new version, never changed: the rows of the loads the snapshot lacks
insert into published_snapshot.quotes by name select * from quotes where load_id in (select load_id from publish_loads);
