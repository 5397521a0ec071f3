-- stored articles that may be linked to an article of the batch (batch_story_features): within
-- $window of it in event time and sharing $min_shared entities with it (transforms/analysis/stories.py
-- decides which are linked); the batch's own articles' old versions included. Only the stored
-- articles sharing an entity with a batch article in the same or a neighbouring time bucket of
-- $window_us microseconds (story_article_entities, migration 013) are compared: two times within
-- $window are at most one bucket apart.
with batch_keys as (
    select distinct entity_id, epoch_us(event_at) // $window_us + shift as bucket
    from (select event_at, unnest(entity_ids) as entity_id from batch_story_features),
         (values (-1), (0), (1)) as shifts(shift)
),
sharing as (
    select distinct stored.article_id
    from story_article_entities as stored
    join batch_keys
        on stored.entity_id = batch_keys.entity_id and epoch_us(stored.event_at) // $window_us = batch_keys.bucket
),
near as (
    select * from story_articles where $min_shared <= 0 or article_id in (select article_id from sharing)
)
select distinct stored.story_id, stored.link_group_id, stored.article_id, stored.event_at, stored.is_dated, stored.language,
       stored.entity_ids, stored.terms
from near as stored
join batch_story_features as batch
    on stored.event_at between batch.event_at - $window and batch.event_at + $window
where len(list_intersect(stored.entity_ids, batch.entity_ids)) >= $min_shared
order by stored.article_id
