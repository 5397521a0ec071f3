-- boilerplate removals per rule and source: a changed site template shows up here
create or replace view removed_spans_by_rule as
select articles.source_id, removed_spans.category, removed_spans.rule_id, count(*) as n_spans,
       count(distinct removed_spans.document_id) as n_documents
from removed_spans
join articles using (document_id)
group by articles.source_id, removed_spans.category, removed_spans.rule_id;
