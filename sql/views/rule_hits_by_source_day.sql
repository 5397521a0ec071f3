-- rule hits per source, site and day the pages were fetched: a site that changed its template
-- shows up as a rule that stops or starts firing, or as a jump in hits per document
create or replace view rule_hits_by_source_day as
select
    article_versions.source_id,
    coalesce(article_versions.site_host, article_versions.source_id) as site,
    cast(timezone('UTC', documents.fetched_at) as date) as fetched_on,
    removed_spans.category,
    removed_spans.rule_id,
    count(*) as n_hits,
    count(distinct removed_spans.document_id) as n_documents
from removed_spans
join article_versions using (document_id)
join documents using (document_id)
group by all;
