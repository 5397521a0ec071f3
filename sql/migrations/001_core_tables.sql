-- the core model: outlets, the load ledger, every input seen, articles and their versions,
-- ordered blocks, what cleaning removed, and what could not be loaded.

create table sources (
    source_id varchar primary key,
    name varchar not null,
    domain varchar,
    aliases varchar[] not null default []
);

-- the ledger: one row per loaded batch, written in the same transaction as its data rows
create table loads (
    load_id varchar primary key,
    run_id varchar,                       -- the Prefect flow run that loaded the batch
    batch_index integer not null,
    status varchar not null,              -- completed: rows exist only for committed batches
    started_at timestamptz not null,
    finished_at timestamptz not null,
    n_inputs integer not null,
    n_loaded integer not null,            -- new articles or new versions
    n_unchanged integer not null,         -- inputs already in the warehouse, or with an unchanged body
    n_rejected integer not null,
    pipeline_version varchar not null
);

-- every raw input seen, keyed by the SHA-256 of its bytes (the name of its landing file)
create table documents (
    document_id varchar primary key,
    uri varchar not null,
    kind varchar not null,                -- text
    fetched_at timestamptz not null,      -- when its bytes were read
    encoding varchar,
    n_bytes bigint not null,
    landing_path varchar not null,
    status varchar not null,              -- loaded | unchanged (same body as the current version) | rejected
    load_id varchar not null
);

-- every version of every article; an edited input adds a version, earlier ones stay
create table article_versions (
    article_id varchar not null,
    version integer not null,
    document_id varchar not null,
    source_id varchar not null,
    uri varchar not null,
    url varchar,
    title varchar,
    deck varchar[] not null,
    authors varchar[] not null,
    dateline_place varchar,
    dateline_agency varchar,
    agencies varchar[] not null,
    editor_initials varchar[] not null,
    publisher varchar,
    section varchar,
    section_slug varchar,
    photo_credits varchar[] not null,
    captions varchar[] not null,
    published_at timestamptz,
    published_at_source varchar,
    language varchar,
    language_score double,
    body_text varchar not null,
    n_words integer not null,
    n_blocks integer not null,
    n_removed_spans integer not null,
    content_hash varchar not null,
    is_syndicated boolean not null,
    pipeline_version varchar not null,
    load_id varchar not null,
    loaded_at timestamptz not null,
    primary key (article_id, version)
);

-- the current version of each article: one row per article
create table articles (
    article_id varchar primary key,
    version integer not null,
    document_id varchar not null,
    source_id varchar not null,
    uri varchar not null,
    url varchar,
    title varchar,
    deck varchar[] not null,
    authors varchar[] not null,
    dateline_place varchar,
    dateline_agency varchar,
    agencies varchar[] not null,
    editor_initials varchar[] not null,
    publisher varchar,
    section varchar,
    section_slug varchar,
    photo_credits varchar[] not null,
    captions varchar[] not null,
    published_at timestamptz,
    published_at_source varchar,
    language varchar,
    language_score double,
    body_text varchar not null,
    n_words integer not null,
    n_blocks integer not null,
    n_removed_spans integer not null,
    content_hash varchar not null,
    is_syndicated boolean not null,
    pipeline_version varchar not null,
    load_id varchar not null,
    loaded_at timestamptz not null
);

-- ordered blocks of one document (so every version keeps its own); offsets are character
-- offsets into the decoded input text
create table article_blocks (
    document_id varchar not null,
    block_index integer not null,
    article_id varchar not null,
    kind varchar not null,                -- title | deck | heading | paragraph | caption
    text varchar not null,
    start_offset bigint not null,
    end_offset bigint not null,
    load_id varchar not null,
    primary key (document_id, block_index)
);

-- what cleaning removed, with the rule that removed it and the fields it yielded (json)
create table removed_spans (
    document_id varchar not null,
    span_index integer not null,
    article_id varchar not null,
    rule_id varchar not null,
    category varchar not null,
    text varchar not null,
    start_offset bigint not null,
    end_offset bigint not null,
    fields json,
    load_id varchar not null,
    primary key (document_id, span_index)
);

-- every input that could not be loaded; seeing it again updates last_seen_at and n_seen
create table rejects (
    reject_id varchar primary key,
    uri varchar not null,
    document_id varchar,                  -- null when the bytes could not be read
    stage varchar not null,               -- discover | land | extract | clean
    reason varchar not null,              -- a code, see transforms/reasons.py
    detail varchar,
    first_seen_at timestamptz not null,
    last_seen_at timestamptz not null,
    n_seen integer not null,
    load_id varchar not null,
    last_load_id varchar not null
);
