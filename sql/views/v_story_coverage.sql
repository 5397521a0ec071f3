-- story × outlet: how many of the outlet's articles tell the story, and when it first had one;
-- is_first says the outlet was the first to report the story
create or replace view v_story_coverage as
with coverage as (
    select
        story_articles.story_id,
        articles.source_id,
        count(*) as n_articles,
        min(story_articles.event_at) as first_seen_at,
        max(story_articles.event_at) as last_seen_at,
        arg_min(story_articles.article_id, story_articles.event_at) as first_article_id,
        list(distinct story_articles.language order by story_articles.language) as languages
    from story_articles
    join articles using (article_id)
    group by all
)
select
    coverage.story_id,
    stories.title as story_title,
    stories.n_articles as story_n_articles,
    stories.n_sources as story_n_sources,
    coverage.source_id,
    sources.name as source_name,
    coverage.n_articles,
    coverage.first_seen_at,
    coverage.last_seen_at,
    coverage.first_article_id,
    coverage.languages,
    coverage.first_seen_at = stories.first_event_at as is_first
from coverage
join stories using (story_id)
left join sources using (source_id);
