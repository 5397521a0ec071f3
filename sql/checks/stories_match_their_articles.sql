-- severity: error
-- each story row counts the articles story_articles gives it, and every assigned story has a row
select coalesce(stories.story_id, assigned.story_id) as story_id, stories.n_articles, assigned.n_assigned
from stories
full join (select story_id, count(*) as n_assigned from story_articles group by story_id) as assigned
    using (story_id)
where stories.n_articles is distinct from assigned.n_assigned;
