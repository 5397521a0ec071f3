-- the band keys of the signatures this load added (article_signatures.sql, just before)
insert into signature_bands
select unnest(band_keys) as band_key, document_id from article_signatures where load_id = $load_id;
