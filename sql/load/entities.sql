-- new entities are added; a known one takes the merged name and aliases
insert into entities by name
select entity_id, entity_name, kind, aliases, $load_id as load_id
from batch_entities
on conflict (entity_id) do update set
    entity_name = excluded.entity_name,
    aliases = excluded.aliases,
    load_id = excluded.load_id
where entities.aliases is distinct from excluded.aliases or entities.entity_name is distinct from excluded.entity_name;
