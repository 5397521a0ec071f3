-- Which outlet reported each story first, and how far behind were the others? (stories told by 2+ outlets)
select story_id, story_title, source_id, source_name, first_seen_at, is_first,
       round((epoch(first_seen_at) - epoch(min(first_seen_at) over (partition by story_id))) / 3600, 1) as hours_behind_first
from v_story_coverage
where story_n_sources >= 2
order by story_id, first_seen_at, source_id;
