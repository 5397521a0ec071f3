-- the names of the batch's fuzzy blocks, each once (transforms/analysis/entity_keys.py): for people the
-- last name, for organisations and places the folded name. An entity with names in several blocks
-- brings its other names into each of its blocks, as the resolver's block holds them. Only names of a
-- length a batch name of the block allows: a ratio of $similarity (0-100) needs
-- (200 - s) * shorter >= s * longer, and a person's last name under $min_length letters matches only
-- itself. The batch's names are compared with these in Python (close_block_names), not here: pairing
-- each batch name with each name of its block would be about 10,000 rows a name at 1 M articles.
with lengths as (
    select kind, block,
           case when kind = 'person' and match_len < $min_length then match_len
                else ceil(match_len * $similarity / (200 - $similarity) - 1e-6)::integer end as shortest,
           case when kind = 'person' and match_len < $min_length then match_len
                else floor(match_len * (200 - $similarity) / $similarity + 1e-6)::integer end as longest
    from wanted_names
    where is_fuzzy
),
allowed as (
    select distinct kind, block, unnest(range(shortest, longest + 1)) as match_len from lengths
),
in_block as (
    select keys.entity_id, keys.kind, keys.block, keys.n_blocks, keys.exact_key, keys.last_part, keys.match_len
    from entity_name_keys as keys
    semi join (select distinct kind, block from allowed) as blocks
        on keys.kind = blocks.kind and keys.block = blocks.block
),
named as (
    select kind, block, exact_key, last_part, match_len from in_block
    union all
    select spread.kind, spread.block, other.exact_key, other.last_part, other.match_len
    from in_block as spread
    join (select entity_id, block, exact_key, last_part, match_len from entity_name_keys where n_blocks > 1) as other
        on other.entity_id = spread.entity_id and other.block <> spread.block  -- n_blocks is the entity's: both sides
    where spread.n_blocks > 1
)
select distinct named.kind, named.block, case when named.kind = 'person' then named.last_part else named.exact_key end as match_key
from named
semi join allowed on named.kind = allowed.kind and named.block = allowed.block and named.match_len = allowed.match_len
where match_key is not null
