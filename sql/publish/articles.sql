-- partition_by: published_on
-- articles for the Parquet export, by the day the page says it was published (UTC), else the day
-- the article was loaded
select *, cast(timezone('UTC', coalesce(published_at, loaded_at)) as date) as published_on
from articles
