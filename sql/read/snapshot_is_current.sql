-- is the snapshot at $path current: it was published, no load since then changed any data (a new
-- version or a new reject; a reject seen again the same way is not new data: migration 016),
-- and it carries the Parquet export when $export_parquet asks for one
with last_publish as (
    select published_at, parquet_path
    from publishes
    where path = $path
    order by published_at desc
    limit 1
)
select count(*) = 1
    and coalesce(bool_and(not $export_parquet or parquet_path is not null), false)
    and not exists (
        select 1
        from loads
        where (n_loaded > 0 or n_rejected > n_rejected_again)
            and finished_at > (select published_at from last_publish)
    ) as is_current
from last_publish
