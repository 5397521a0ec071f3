-- partition_by: started_on
-- the load ledger for the Parquet export, by the day each batch started (UTC)
select *, cast(timezone('UTC', started_at) as date) as started_on
from loads
