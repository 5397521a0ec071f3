-- where each source's publication dates come from, and how precise they are: a source whose
-- articles have no date, or only a day from the URL, shows up here
create or replace view v_date_provenance as
select
    source_id,
    coalesce(published_at_source, 'none') as published_at_source,
    coalesce(published_at_precision, 'none') as published_at_precision,
    count(*) as n_articles,
    count(modified_at) as n_with_modified_at,
    min(published_at) as first_published_at,
    max(published_at) as last_published_at
from articles
group by all;
