insert into quotes by name
select
    new_versions.document_id, batch_quotes.quote_index, batch_quotes.article_id, batch_quotes.quote_text,
    batch_quotes.speaker, batch_quotes.speaker_method, batch_quotes.speaker_entity_id, batch_quotes.verb,
    batch_quotes.start_char, batch_quotes.end_char, $load_id as load_id
from batch_quotes
join new_versions using (article_id)
on conflict do nothing;
