-- One row per LSH band key of each article version's MinHash signature (issue 20): a batch's
-- near-duplicate candidates are a join of its band keys with this table
-- (sql/read/signatures_sharing_bands.sql) instead of unnesting every stored signature.
create table signature_bands (
    band_key ubigint not null,
    document_id varchar not null
);
insert into signature_bands
select unnest(band_keys) as band_key, document_id from article_signatures;
