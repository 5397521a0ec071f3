-- the outlet registry: new outlets are added, known ones keep their row
insert into sources by name
select source_id, name, domain, aliases, is_curated, now() as first_seen_at
from batch_sources
on conflict do nothing;
