-- current article versions with a band key among the wanted ones, the earliest loaded first; the
-- versions come from the band-key table (migration 012), not from unnesting every signature
with wanted_documents as (
    select distinct document_id from signature_bands where band_key in (select band_key from wanted_bands)
)
select
    article_signatures.article_id, article_signatures.signature, article_signatures.band_keys,
    coalesce(near_duplicates.duplicate_group_id, article_signatures.article_id) as duplicate_group_id
from article_signatures
join articles using (document_id)
left join near_duplicates on near_duplicates.article_id = article_signatures.article_id
where article_signatures.document_id in (select document_id from wanted_documents)
order by articles.loaded_at, article_signatures.article_id
