-- article_dates: inserted with a new version, never changed: the rows of the loads the snapshot lacks
insert into published_snapshot.article_dates by name select * from article_dates where load_id in (select load_id from publish_loads);
