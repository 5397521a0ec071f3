-- a document is loaded when it made a new article version, unchanged when its article's body
-- was already current (the bytes changed, the text did not), rejected otherwise
insert into documents by name
select
    document_id, uri, kind, fetched_at, encoding, n_bytes, landing_path,
    origin, http_status, content_type, final_url, etag, last_modified, sidecar_uris,
    case
        when status = 'rejected' then 'rejected'
        when document_id in (select document_id from new_versions) then 'loaded'
        else 'unchanged'
    end as status,
    $load_id as load_id
from batch_documents
on conflict do nothing;
