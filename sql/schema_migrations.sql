-- the migration ledger: one row per applied file of sql/migrations/
create table if not exists schema_migrations (
    version integer primary key,
    name varchar not null,
    checksum varchar not null,
    applied_at timestamptz not null default current_timestamp
);
