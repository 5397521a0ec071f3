insert into mentions by name
select
    new_versions.document_id, batch_mentions.mention_index, batch_mentions.article_id, batch_mentions.entity_id,
    batch_mentions.kind, batch_mentions.mention_text, batch_mentions.field, batch_mentions.start_char,
    batch_mentions.end_char, batch_mentions.method, batch_mentions.role, $load_id as load_id
from batch_mentions
join new_versions using (article_id)
on conflict do nothing;
