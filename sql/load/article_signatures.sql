insert into article_signatures by name
select new_versions.document_id, batch_signatures.article_id, batch_signatures.signature, batch_signatures.band_keys,
       $load_id as load_id
from batch_signatures
join new_versions using (article_id)
on conflict do nothing;
