-- current article versions with a band key among the wanted ones, the earliest loaded first
select
    article_signatures.article_id, article_signatures.signature, article_signatures.band_keys,
    coalesce(near_duplicates.duplicate_group_id, article_signatures.article_id) as duplicate_group_id
from article_signatures
join articles using (document_id)
left join near_duplicates on near_duplicates.article_id = article_signatures.article_id
where article_signatures.document_id in (
    select document_id from article_signatures, unnest(band_keys) as keys(band_key)
    where band_key in (select band_key from wanted_bands)
)
order by articles.loaded_at, article_signatures.article_id
