-- severity: warn
-- an article without body text is loaded but worth a look
select article_id, uri, n_words
from articles
where n_words = 0 or trim(body_text) = '';
