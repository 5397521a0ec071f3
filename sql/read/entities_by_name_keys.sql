-- the known entities a batch's names can resolve to (transforms/analysis/entity_keys.py): the
-- batch's own entity ids (wanted_ids), the same folded name of the same kind (wanted_names), and the
-- entities with a name the batch's fuzzy names come close to (close_names: kind, block, match_key,
-- from entity_block_names.sql and close_block_names), reached through that block: the close name is
-- in it, or the entity has another name in it.
with matched as (
    select named.entity_id, named.block = close.block as in_block, close.block as close_block, named.n_blocks
    from entity_name_keys as named
    join close_names as close
      on named.kind = close.kind
     and (case when named.kind = 'person' then named.last_part else named.exact_key end) = close.match_key
),
reached as (
    select entity_id from matched where in_block
    union
    select matched.entity_id
    from matched
    semi join entity_name_keys as other on other.entity_id = matched.entity_id and other.block = matched.close_block
    where matched.n_blocks > 1
),
wanted as (
    -- the ids first (a union of narrow reads), then one semi-join: an OR of IN-subqueries would scan
    -- the whole entities table through a mark join for each
    select entity_id from reached
    union
    select entity_id from wanted_ids
    union
    select keys.entity_id
    from entity_name_keys as keys
    join wanted_names as wanted on keys.kind = wanted.kind and keys.exact_key = wanted.exact_key
),
-- the rows by rowid: a scan of entity_id alone finds them, then only they are read whole (names and
-- alias lists); at 1 M articles 1.3-1.45 -> 1.16-1.19 s over the fresh mix's 6 batches, the same rows
hits as (
    select rowid as entity_row from entities where entity_id in (select entity_id from wanted)
)
select entity_id, entity_name, kind, aliases
from entities
where rowid in (select entity_row from hits)
order by entity_id
