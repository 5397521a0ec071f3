-- the name keys of the batch's new or changed entities replace their earlier keys
delete from entity_name_keys where entity_id in (select entity_id from batch_entity_name_keys);
insert into entity_name_keys by name
select entity_id, kind, exact_key, block, n_words, match_len, last_part, n_blocks, $load_id as load_id
from batch_entity_name_keys;
