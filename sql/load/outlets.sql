-- outlets the batch's articles were found from their URL that the sources table lacks: one row
-- each (not curated), named after the site name its articles give most, else the domain
insert into sources by name
select
    source_id,
    coalesce(mode(site_name), any_value(source_domain)) as name,
    any_value(source_domain) as domain,
    [] as aliases,
    false as is_curated,
    $loaded_at as first_seen_at
from batch_articles
where source_domain is not null and source_id = source_domain
group by source_id
on conflict do nothing;
