-- partition_by: first_seen_on
-- rejects for the Parquet export, by the day they were first seen (UTC)
select *, cast(timezone('UTC', first_seen_at) as date) as first_seen_on
from rejects
