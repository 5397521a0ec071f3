-- stored articles that may be linked to an article of the batch (batch_story_features): within
-- $window of it in event time and sharing $min_shared entities with it (transforms/analysis/stories.py
-- decides which are linked); the batch's own articles' old versions included. The pairs to compare
-- come from story_article_entities (migration 013): a stored article and a batch article naming the
-- same entity in the same or a neighbouring time bucket of $window_us microseconds (two times
-- within $window are at most one bucket apart), so only articles sharing an entity are compared.
with batch as (
    select row_number() over () as batch_row, event_at, entity_ids from batch_story_features
),
batch_keys as (
    select distinct batch_row, event_at, entity_id, epoch_us(event_at) // $window_us + shift as bucket
    from (select batch_row, event_at, unnest(entity_ids) as entity_id from batch),
         (values (-1), (0), (1)) as shifts(shift)
),
pairs as (
    select distinct stored.article_id, batch_keys.batch_row
    from story_article_entities as stored
    join batch_keys
        on stored.entity_id = batch_keys.entity_id and epoch_us(stored.event_at) // $window_us = batch_keys.bucket
    where stored.event_at between batch_keys.event_at - $window and batch_keys.event_at + $window
),
compared as (
    -- every pair when an article may share no entity and still be a candidate ($min_shared <= 0)
    select article_id, batch_row from pairs where $min_shared > 0
    union all
    select stored.article_id, batch.batch_row
    from story_articles as stored
    join batch on stored.event_at between batch.event_at - $window and batch.event_at + $window
    where $min_shared <= 0
)
select distinct stored.story_id, stored.link_group_id, stored.article_id, stored.event_at, stored.is_dated, stored.language,
       stored.entity_ids, stored.terms
from compared
join story_articles as stored using (article_id)
join batch using (batch_row)
where len(list_intersect(stored.entity_ids, batch.entity_ids)) >= $min_shared
order by stored.article_id
