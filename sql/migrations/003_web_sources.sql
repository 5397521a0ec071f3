-- web sources: where a document came from and what the server said; per-URL validators so a
-- re-run asks only for what changed
alter table documents add column origin varchar;          -- file | http | warc
alter table documents add column http_status integer;
alter table documents add column content_type varchar;
alter table documents add column final_url varchar;       -- after redirects
alter table documents add column etag varchar;
alter table documents add column last_modified varchar;

-- the last fetch of each canonical URL (one row per URL)
create table fetch_state (
    url varchar primary key,                  -- canonical URL
    etag varchar,
    last_modified varchar,
    last_status integer,                      -- null when no response was had
    last_reason varchar,                      -- reject reason of the last fetch, null when it went well
    last_fetched_at timestamptz not null,
    n_fetches integer not null,
    n_not_modified integer not null
);
