-- severity: error
-- every article version points at a document the warehouse has seen
select article_versions.article_id, article_versions.version, article_versions.document_id
from article_versions
anti join documents using (document_id);
