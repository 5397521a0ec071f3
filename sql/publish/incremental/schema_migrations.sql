-- schema_migrations: one row per migration: replaced whole
delete from published_snapshot.schema_migrations;
insert into published_snapshot.schema_migrations by name select * from schema_migrations;
