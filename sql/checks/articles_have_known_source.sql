-- severity: error
-- scope: run (the articles of the run's loads, looked up in sources)
-- every article's source_id is an outlet of the sources table
select article_id, source_id
from articles
anti join sources using (source_id)
where in_run(articles.load_id);
