-- partition_by: fetched_on
-- raw inputs for the Parquet export, by the day their bytes were read (UTC)
select *, cast(timezone('UTC', fetched_at) as date) as fetched_on
from documents
