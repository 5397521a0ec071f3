-- severity: error
-- scope: run (the analysis rows of the run's loads, looked up in the tables they name)
-- every analysis row belongs to an article (version) the warehouse holds. `not exists` rather than
-- `not in`: at 1 M articles DuckDB's anti-join for `not in` (which must watch for nulls) took 0.34 s
-- of the run's checks, `not exists` 0.18 s; a null id counts as an orphan here, as it should
with orphans as (
    select 'quotes' as table_name, q.document_id as row_id from quotes as q
    where in_run(q.load_id) and not exists (select 1 from article_versions as v where v.document_id = q.document_id)
    union all select 'mentions', m.document_id from mentions as m
    where in_run(m.load_id) and not exists (select 1 from article_versions as v where v.document_id = m.document_id)
    union all select 'article_signatures', s.document_id from article_signatures as s
    where in_run(s.load_id) and not exists (select 1 from article_versions as v where v.document_id = s.document_id)
    union all select 'near_duplicates', d.article_id from near_duplicates as d
    where in_run(d.load_id)
      and (not exists (select 1 from articles as a where a.article_id = d.article_id)
           or not exists (select 1 from articles as a where a.article_id = d.duplicate_of_article_id))
    union all select 'story_articles', s.article_id from story_articles as s
    where in_run(s.load_id) and not exists (select 1 from articles as a where a.article_id = s.article_id)
)
select * from orphans;
