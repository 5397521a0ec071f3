insert into article_versions by name
select *, $load_id as load_id, $loaded_at as loaded_at
from new_versions;
