-- pending_backfills: at most one row per derived table: replaced whole
delete from published_snapshot.pending_backfills;
insert into published_snapshot.pending_backfills by name select * from pending_backfills;
