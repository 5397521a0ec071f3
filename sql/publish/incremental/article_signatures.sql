-- article_signatures: inserted with a new version, never changed: the rows of the loads the snapshot lacks
insert into published_snapshot.article_signatures by name select * from article_signatures where load_id in (select load_id from publish_loads);
