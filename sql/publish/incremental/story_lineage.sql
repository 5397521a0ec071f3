-- story_lineage: one row per story change of a load, written once: the rows of the loads the snapshot lacks
insert into published_snapshot.story_lineage by name select * from story_lineage where load_id in (select load_id from publish_loads);
