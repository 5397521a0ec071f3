-- partition_by: loaded_on
-- every article version for the Parquet export, by the day it was loaded (UTC)
select *, cast(timezone('UTC', loaded_at) as date) as loaded_on
from article_versions
