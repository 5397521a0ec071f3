-- documents: inserted by a load, never changed (on conflict do nothing): the rows of the loads the snapshot lacks
insert into published_snapshot.documents by name select * from documents where load_id in (select load_id from publish_loads);
