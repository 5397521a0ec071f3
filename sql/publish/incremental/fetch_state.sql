-- fetch_state: one row per fetched URL, updated without a load id (a 304 counts): replaced whole
delete from published_snapshot.fetch_state;
insert into published_snapshot.fetch_state by name select * from fetch_state;
