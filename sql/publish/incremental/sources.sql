-- sources: the outlet registry (hundreds of rows), changed by upserts without a load id: replaced whole
delete from published_snapshot.sources;
insert into published_snapshot.sources by name select * from sources;
