-- publishes: one row per publish, written outside loads (this publish's row is added after): replaced whole
delete from published_snapshot.publishes;
insert into published_snapshot.publishes by name select * from publishes;
