-- one row per canonical URL. A 200 brings the validators (etag, last-modified) to send next time;
-- a 304 or a failure keeps the ones there were
insert into fetch_state by name
select url, etag, last_modified, last_status, last_reason, last_fetched_at,
       1 as n_fetches, case when last_status = 304 then 1 else 0 end as n_not_modified
from batch_fetches
on conflict (url) do update set
    etag = case when excluded.last_status = 200 then excluded.etag else fetch_state.etag end,
    last_modified = case when excluded.last_status = 200 then excluded.last_modified else fetch_state.last_modified end,
    last_status = excluded.last_status,
    last_reason = excluded.last_reason,
    last_fetched_at = excluded.last_fetched_at,
    n_fetches = fetch_state.n_fetches + 1,
    n_not_modified = fetch_state.n_not_modified + excluded.n_not_modified;
