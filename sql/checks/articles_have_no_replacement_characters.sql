-- severity: warn
-- scope: run (the articles and blocks of the run's loads)
-- text quality: U+FFFD (bytes a decoder could not map) in a title, body or block
select 'articles' as table_name, article_id as row_id, uri
from articles
where in_run(load_id) and (contains(coalesce(title, ''), chr(65533)) or contains(body_text, chr(65533)))
union all
select 'article_blocks', document_id || '#' || block_index, article_id
from article_blocks
where in_run(load_id) and contains(text, chr(65533));
