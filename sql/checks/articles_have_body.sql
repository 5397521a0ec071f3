-- severity: warn
-- scope: run (the articles of the run's loads)
-- an article without body text is loaded but worth a look
select article_id, uri, n_words
from articles
where in_run(load_id) and (n_words = 0 or trim(body_text) = '');
