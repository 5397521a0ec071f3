-- the known entities a batch's names can resolve to (transforms/analysis/entity_keys.py): the
-- batch's own entity ids (wanted_ids), the same folded name of the same kind, and in each fuzzy
-- name's block the entities one of whose names could pass the resolver's fuzzy match: for people a
-- last name equal, or both of $min_length letters and lengths a ratio of $similarity allows; for
-- organisations and places the same number of words and such lengths. An entity whose names fall
-- in several blocks is reached by its name in the block and matched on any of its names.
with pairs as (
    select keys.entity_id, keys.n_blocks, keys.kind, keys.n_words, keys.match_len, keys.last_part,
           wanted.n_words as wanted_words, wanted.match_len as wanted_len, wanted.last_part as wanted_last
    from entity_name_keys as keys
    join wanted_names as wanted on keys.kind = wanted.kind and keys.block = wanted.block
    where wanted.is_fuzzy
),
candidates as (
    -- each (entity name, wanted name) pair to test: the name of the block, or another name of the entity
    select entity_id, kind, n_words, match_len, last_part, wanted_words, wanted_len, wanted_last from pairs
    union all
    select pairs.entity_id, pairs.kind, keys.n_words, keys.match_len, keys.last_part,
           pairs.wanted_words, pairs.wanted_len, pairs.wanted_last
    from pairs
    join entity_name_keys as keys on keys.entity_id = pairs.entity_id
    where pairs.n_blocks > 1
),
close as (
    select distinct entity_id
    from candidates
    where (
        (kind = 'person' and last_part = wanted_last)
        or (kind = 'person' or n_words = wanted_words)
        and least(match_len, wanted_len) >= $min_length * (kind = 'person')::integer
        and (200 - $similarity) * least(match_len, wanted_len) >= $similarity * greatest(match_len, wanted_len) - 1e-6
    )
),
wanted as (
    -- the ids first (a union of narrow reads), then one semi-join: an OR of IN-subqueries would scan
    -- the whole entities table through a mark join for each
    select entity_id from close
    union
    select entity_id from wanted_ids
    union
    select keys.entity_id
    from entity_name_keys as keys
    join wanted_names as wanted on keys.kind = wanted.kind and keys.exact_key = wanted.exact_key
)
select entity_id, entity_name, kind, aliases
from entities
where entity_id in (select entity_id from wanted)
order by entity_id
