-- stored articles that may be linked to an article of the batch (batch_story_features): within
-- $window of it in event time and sharing $min_shared entities with it (transforms/analysis/stories.py
-- decides which are linked); the batch's own articles' old versions included
select distinct stored.story_id, stored.link_group_id, stored.article_id, stored.event_at, stored.is_dated, stored.language,
       stored.entity_ids, stored.terms
from story_articles as stored
join batch_story_features as batch
    on stored.event_at between batch.event_at - $window and batch.event_at + $window
where len(list_intersect(stored.entity_ids, batch.entity_ids)) >= $min_shared
order by stored.article_id
