insert into rejects by name
select
    reject_id, uri, document_id, stage, reason, detail,
    $loaded_at as first_seen_at, $loaded_at as last_seen_at, 1 as n_seen,
    $load_id as load_id, $load_id as last_load_id
from batch_rejects
on conflict (reject_id) do update set
    last_seen_at = excluded.last_seen_at,
    n_seen = rejects.n_seen + 1,
    last_load_id = excluded.last_load_id,
    detail = excluded.detail;
