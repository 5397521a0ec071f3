-- severity: error
-- scope: run (the rejects the run's loads wrote or saw again, looked up in documents)
-- referential integrity: a reject that names the bytes it refused (document_id) names a document
-- the warehouse recorded; rejects of unread inputs (discover, land, fetch) carry no document_id
select reject_id, uri, document_id, stage, reason
from rejects
where in_run(last_load_id)
  and document_id is not null
  and not exists (select 1 from documents where documents.document_id = rejects.document_id);
