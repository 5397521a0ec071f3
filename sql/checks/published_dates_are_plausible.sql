-- severity: warn
-- scope: run (the articles of the run's loads)
-- dates in range: a page's own publication date is not more than a day in the future and not
-- before 1900 (a wrong date in a page's metadata is the page's error, so only a warning)
select article_id, uri, published_at, published_at_source
from articles
where in_run(load_id)
  and (published_at > current_timestamp + interval 1 day
       or published_at < timestamptz '1900-01-01 00:00:00+00');
