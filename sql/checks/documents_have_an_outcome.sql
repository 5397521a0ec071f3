-- severity: error
-- scope: run (the documents of the run's loads)
-- conservation: a loaded document made an article version, a rejected one has a rejects row
select documents.document_id, documents.uri, documents.status
from documents
where in_run(documents.load_id)
  and ((status = 'loaded' and document_id not in (select document_id from article_versions))
       or (status = 'rejected'
           and document_id not in (select document_id from rejects where document_id is not null))
       or status not in ('loaded', 'unchanged', 'rejected'));
