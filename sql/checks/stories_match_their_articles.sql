-- severity: error
-- scope: run (the stories the run's loads wrote, and the stories of the story rows they wrote)
-- each story row counts the articles story_articles gives it, and every assigned story has a row
with touched as (
    select story_id from stories where in_run(load_id)
    union
    select story_id from story_articles where in_run(load_id)
),
story_rows as (select story_id, n_articles from stories semi join touched using (story_id)),
assigned as (
    select story_id, count(*) as n_assigned
    from story_articles
    semi join touched using (story_id)
    group by story_id
)
select coalesce(story_rows.story_id, assigned.story_id) as story_id, story_rows.n_articles, assigned.n_assigned
from story_rows
full join assigned using (story_id)
where story_rows.n_articles is distinct from assigned.n_assigned;
