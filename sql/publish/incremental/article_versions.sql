-- article_versions: the history: inserted by a load, never changed: the rows of the loads the snapshot lacks
insert into published_snapshot.article_versions by name select * from article_versions where load_id in (select load_id from publish_loads);
