-- severity: error
-- scope: warehouse (from the catalog, no rows read: each key is a primary key, which DuckDB enforces
-- on every insert and update, refusing a duplicate or a null key, so scanning the rows again would
-- find nothing the constraint had let in; the check fails when a table lacks its declared key)
-- every table's key is present and unique (a key that repeats or is missing breaks every join)
with keys(table_name, key_columns) as (
    values ('sources', ['source_id']),
           ('loads', ['load_id']),
           ('documents', ['document_id']),
           ('articles', ['article_id']),
           ('article_versions', ['article_id', 'version']),
           ('article_blocks', ['document_id', 'block_index']),
           ('removed_spans', ['document_id', 'span_index']),
           ('rejects', ['reject_id']),
           ('fetch_state', ['url']),
           ('quotes', ['document_id', 'quote_index']),
           ('mentions', ['document_id', 'mention_index']),
           ('entities', ['entity_id']),
           ('article_signatures', ['document_id']),
           ('near_duplicates', ['article_id']),
           ('story_articles', ['article_id']),
           ('stories', ['story_id'])
)
select keys.table_name, keys.key_columns
from keys
where not exists (
    select 1
    from duckdb_constraints() as declared
    where declared.database_name = current_database()
      and declared.schema_name = 'main'
      and declared.table_name = keys.table_name
      and declared.constraint_type = 'PRIMARY KEY'
      and list_sort(declared.constraint_column_names) = list_sort(keys.key_columns)
);
