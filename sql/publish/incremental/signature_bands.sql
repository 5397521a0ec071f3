-- signature_bands: the band keys of the signatures a load added, never changed (no load_id: by document)
insert into published_snapshot.signature_bands by name select * from signature_bands where document_id in (select document_id from article_signatures where load_id in (select load_id from publish_loads));
