-- Which stories were covered by the most outlets? (stories with their outlets, languages and span)
select story_id, any_value(story_title) as story_title,
       count(distinct source_id) as n_sources,
       sum(n_articles)::bigint as n_articles,
       list(distinct source_id order by source_id) as source_ids,
       list_distinct(flatten(list(languages))) as languages,
       min(first_seen_at) as first_seen_at, max(last_seen_at) as last_seen_at
from v_story_coverage
group by story_id
order by n_sources desc, n_articles desc, story_id
limit 20;
