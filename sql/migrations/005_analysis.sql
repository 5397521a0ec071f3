-- the analysis layer: who said what (quotes), who and what is named (mentions, entities),
-- near-duplicate signatures and copies, and stories (the same event across outlets and languages).
-- Rows of one article version are keyed by its document_id, like article_blocks; every row
-- carries the load_id of the batch that wrote it, in the same transaction as the articles.

-- quotations in an article's body, with the speaker they are attributed to
create table quotes (
    document_id varchar not null,         -- the article version the quote is in
    quote_index integer not null,
    article_id varchar not null,
    quote_text varchar not null,
    speaker varchar,                      -- as named in the text; null when unattributed
    speaker_method varchar,               -- how the speaker was found
    speaker_entity_id varchar,            -- the speaker as an entity, when one is known
    verb varchar,                         -- the reporting verb (said, told, warned, ...)
    start_char integer not null,          -- character offsets into the article's body_text
    end_char integer not null,
    load_id varchar not null,
    primary key (document_id, quote_index)
);

-- people, organisations and places named in an article (title and body)
create table mentions (
    document_id varchar not null,
    mention_index integer not null,
    article_id varchar not null,
    entity_id varchar not null,
    kind varchar not null,                -- person | organisation | place | ...
    mention_text varchar not null,        -- the words as written
    field varchar,                        -- title | body: the text the offsets point into
    start_char integer,
    end_char integer,
    method varchar,                       -- how the mention was found
    role varchar,                         -- the title before a person's name (minister, spokesman, ...)
    load_id varchar not null,
    primary key (document_id, mention_index)
);

-- one row per entity, merged across articles (a later load may add aliases)
create table entities (
    entity_id varchar primary key,
    entity_name varchar not null,
    kind varchar not null,
    aliases varchar[] not null default [],
    load_id varchar not null              -- the load that last changed the row
);

-- MinHash signature of each article version's body, and its LSH band keys
create table article_signatures (
    document_id varchar primary key,
    article_id varchar not null,
    signature ubigint[] not null,
    band_keys ubigint[] not null,
    load_id varchar not null
);

-- articles whose body copies an earlier article's (syndicated or re-published); an article
-- that copies none has no row, its group is itself
create table near_duplicates (
    article_id varchar primary key,       -- the copy (its current version)
    document_id varchar not null,
    duplicate_of_article_id varchar not null,
    similarity double not null,           -- estimated Jaccard similarity of the word 4-grams
    duplicate_group_id varchar not null,  -- the first article of the group
    load_id varchar not null
);

-- which story each article belongs to, with the profile it was assigned on
create table story_articles (
    article_id varchar primary key,
    story_id varchar not null,
    document_id varchar not null,         -- the version that was assigned
    event_at timestamptz not null,        -- published_at, else when the document was fetched
    language varchar,
    entity_ids varchar[] not null,
    terms varchar[] not null,
    similarity double,                    -- to the story when it joined; null for the opener
    is_opener boolean not null,
    load_id varchar not null
);

-- one row per story, recomputed from story_articles when a load adds to it
create table stories (
    story_id varchar primary key,
    opener_article_id varchar not null,
    title varchar,                        -- the opening article's title
    first_event_at timestamptz not null,
    last_event_at timestamptz not null,
    n_articles integer not null,
    n_sources integer not null,
    n_languages integer not null,
    load_id varchar not null              -- the load that last changed the row
);
