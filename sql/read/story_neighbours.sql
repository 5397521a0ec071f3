-- articles already in stories, near the batch in time
select story_id, article_id, event_at, language, entity_ids, terms
from story_articles
where event_at between $start_at and $end_at
order by event_at, article_id
