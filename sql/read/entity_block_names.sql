-- the names of the batch's fuzzy blocks, each once (transforms/analysis/entity_keys.py): for people the
-- last name, for organisations and places the folded name. An entity with names in several blocks
-- brings its other names into each of its blocks, as the resolver's block holds them. The batch's
-- names are compared with these in Python (close_block_names), not here: pairing each batch name with
-- each name of its block would be about 10,000 rows a name at 1 M articles.
with blocks as (
    select distinct kind, block from wanted_names where is_fuzzy
),
in_block as (
    select keys.entity_id, keys.kind, keys.block, keys.n_blocks, keys.exact_key, keys.last_part
    from entity_name_keys as keys
    semi join blocks on keys.kind = blocks.kind and keys.block = blocks.block
),
named as (
    select kind, block, exact_key, last_part from in_block
    union all
    select spread.kind, spread.block, other.exact_key, other.last_part
    from in_block as spread
    join entity_name_keys as other on other.entity_id = spread.entity_id and other.block <> spread.block
    where spread.n_blocks > 1
)
select distinct kind, block, case when kind = 'person' then last_part else exact_key end as match_key
from named
where match_key is not null
