-- Which stories were reported in more than one language, and in which?
select story_id, title, n_articles, n_sources, n_languages,
       (select list(distinct language order by language) from story_articles where story_articles.story_id = stories.story_id) as languages,
       first_event_at, last_event_at
from stories
where n_languages >= 2
order by n_languages desc, n_articles desc, story_id;
