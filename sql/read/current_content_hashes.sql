select article_id, content_hash
from articles
semi join wanted_articles using (article_id)
