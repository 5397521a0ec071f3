-- article_blocks: inserted with a new version, never changed: the rows of the loads the snapshot lacks
insert into published_snapshot.article_blocks by name select * from article_blocks where load_id in (select load_id from publish_loads);
