-- the documents with a MinHash band key among the wanted ones (wanted_bands), from the band-key table
-- (migration 012): a narrow read; signatures_of_documents.sql then reads their wide rows by key
select distinct document_id from signature_bands where band_key in (select band_key from wanted_bands)
