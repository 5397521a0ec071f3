-- severity: error
-- scope: run (the versions of the run's loads, looked up in documents)
-- every article version points at a document the warehouse has seen
select article_versions.article_id, article_versions.version, article_versions.document_id
from article_versions
anti join documents using (document_id)
where in_run(article_versions.load_id);
