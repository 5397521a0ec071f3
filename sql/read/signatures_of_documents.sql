-- the current article versions of these documents ($documents, from band_documents.sql) with their
-- signatures and duplicate group, the earliest loaded first. The documents come as a list of values,
-- not a joined table: DuckDB then reads the signature lists of those rows only, not of every stored
-- article (about 0.8 GB at 1 M articles)
with signed as (
    select article_id, signature, band_keys, document_id
    from article_signatures
    where document_id in $documents
)
select
    signed.article_id, signed.signature, signed.band_keys,
    coalesce(near_duplicates.duplicate_group_id, signed.article_id) as duplicate_group_id
from signed
join articles on articles.document_id = signed.document_id and articles.document_id in $documents
left join near_duplicates on near_duplicates.article_id = signed.article_id
order by articles.loaded_at, signed.article_id
