-- a new version is compared afresh: what its earlier version copied no longer holds
delete from near_duplicates where article_id in (select article_id from new_versions);
insert into near_duplicates by name
select batch_near_duplicates.article_id, new_versions.document_id, batch_near_duplicates.duplicate_of_article_id,
       batch_near_duplicates.similarity, batch_near_duplicates.duplicate_group_id, $load_id as load_id
from batch_near_duplicates
join new_versions using (article_id);
