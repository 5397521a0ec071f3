-- severity: error
-- scope: run (the documents of the run's loads)
-- conservation: a loaded document made an article version, a rejected one has a rejects row
select documents.document_id, documents.uri, documents.status
from documents
where in_run(documents.load_id)
  and ((status = 'loaded'
        and not exists (select 1 from article_versions as v where v.document_id = documents.document_id))
       or (status = 'rejected'
           and not exists (select 1 from rejects where rejects.document_id = documents.document_id))
       or status not in ('loaded', 'unchanged', 'rejected'));
