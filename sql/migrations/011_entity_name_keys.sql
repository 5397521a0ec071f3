-- The name keys of every entity (issue 20): a batch reads only the known entities its names can
-- resolve to (sql/read/entities_by_name_keys.sql), not the whole entities table. One row per
-- distinct key of an entity's names (its display name and aliases); the keys are computed by
-- transforms/analysis/entity_keys.py, so rows written before this migration are filled in by the
-- next ingest (pending_backfills) before it reads any.
create table entity_name_keys (
    entity_id varchar not null,
    kind varchar not null,
    exact_key varchar not null,   -- the folded name (case, accents, punctuation aside)
    block varchar not null,       -- the resolver's fuzzy block: two letters of the (last) name
    n_words integer not null,     -- words of the folded name; for people, of the name's parts
    match_len integer not null,   -- the length the fuzzy ratio is taken on (the last name for people)
    last_part varchar,            -- people: the last name; else null
    n_blocks integer not null,    -- how many blocks the entity's names fall in
    load_id varchar not null
);

-- derived tables a migration could not fill in SQL: the next ingest fills them, then drops the row
create table pending_backfills (
    name varchar primary key
);
insert into pending_backfills select 'entity_name_keys' where exists (select 1 from entities);
