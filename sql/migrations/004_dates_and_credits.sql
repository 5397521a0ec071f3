-- dates with provenance and credits: published_at, modified_at and seen_at kept apart, each
-- with where it came from (jsonld | meta | url | htmldate | visible_text | sidecar | fetch_time)
-- and its precision (time: an instant; date: only the day is known, stored as midnight UTC);
-- every date candidate found, chosen or not; the relative date phrases of each body; the
-- roles and e-mail addresses of the credited authors; the sidecar a file input came with.

alter table article_versions add column published_at_precision varchar;  -- time | date
alter table article_versions add column modified_at timestamptz;
alter table article_versions add column modified_at_source varchar;
alter table article_versions add column modified_at_precision varchar;
alter table article_versions add column seen_at timestamptz;             -- when the input was read or fetched
alter table article_versions add column seen_at_source varchar;          -- fetch_time
alter table article_versions add column seen_at_precision varchar;
alter table article_versions add column author_roles varchar[];         -- "Correspondent", "Staff Writer", ...
alter table article_versions add column author_emails varchar[];

alter table articles add column published_at_precision varchar;
alter table articles add column modified_at timestamptz;
alter table articles add column modified_at_source varchar;
alter table articles add column modified_at_precision varchar;
alter table articles add column seen_at timestamptz;
alter table articles add column seen_at_source varchar;
alter table articles add column seen_at_precision varchar;
alter table articles add column author_roles varchar[];
alter table articles add column author_emails varchar[];

alter table documents add column sidecar_uris varchar[];  -- the <file>.json and/or manifest row whose metadata was applied

-- rows loaded before this migration: trafilatura's date was htmldate's (a day), the read time
-- is the document's fetched_at, no roles or e-mails were kept
update article_versions set published_at_source = 'htmldate', published_at_precision = 'date'
where published_at_source = 'html_metadata';
update articles set published_at_source = 'htmldate', published_at_precision = 'date'
where published_at_source = 'html_metadata';
update article_versions set seen_at = documents.fetched_at, seen_at_source = 'fetch_time', seen_at_precision = 'time',
    author_roles = [], author_emails = []
from documents where documents.document_id = article_versions.document_id;
update articles set seen_at = documents.fetched_at, seen_at_source = 'fetch_time', seen_at_precision = 'time',
    author_roles = [], author_emails = []
from documents where documents.document_id = articles.document_id;

-- every date candidate of an article version: where it came from, whether it was chosen, and
-- why it was dropped (before_published_at, after_seen_at, same_as_published, before_1900)
create table date_candidates (
    document_id varchar not null,
    candidate_index integer not null,
    article_id varchar not null,
    field varchar not null,               -- published_at | modified_at
    source varchar not null,              -- jsonld | meta | url | htmldate | visible_text | sidecar
    value timestamptz not null,
    precision varchar not null,           -- time | date
    raw_text varchar not null,            -- as written where it was found
    is_chosen boolean not null,
    drop_reason varchar,                  -- null unless the candidate could not be right
    load_id varchar not null,
    primary key (document_id, candidate_index)
);

-- relative date phrases in an article's body ("on Friday", "on the 28th (local time)",
-- "yesterday", "on March 3"), resolved against published_at when it is known, else left null
create table article_dates (
    document_id varchar not null,
    date_index integer not null,
    article_id varchar not null,
    phrase varchar not null,
    kind varchar not null,                -- weekday | day_word | days_ago | day_of_month | month_day
    start_char integer not null,          -- character offsets into the article's body_text
    end_char integer not null,
    is_local_time boolean not null,       -- the phrase says "(local time)"
    resolved_date date,                   -- null when there was nothing to resolve against
    anchor varchar,                       -- published_at when resolved, else null
    load_id varchar not null,
    primary key (document_id, date_index)
);
