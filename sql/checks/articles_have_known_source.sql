-- severity: error
-- every article's source_id is an outlet of the sources table
select article_id, source_id
from articles
anti join sources using (source_id);
