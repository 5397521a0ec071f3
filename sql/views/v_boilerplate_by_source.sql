-- boilerplate rule hits per outlet, day the pages were fetched, and rule (all article versions),
-- from rule_hits_by_source_day summed over the outlet's sites
create or replace view v_boilerplate_by_source as
select
    rule_hits_by_source_day.source_id,
    sources.name as source_name,
    rule_hits_by_source_day.fetched_on,
    rule_hits_by_source_day.category,
    rule_hits_by_source_day.rule_id,
    sum(rule_hits_by_source_day.n_hits)::bigint as n_hits,
    sum(rule_hits_by_source_day.n_documents)::bigint as n_documents
from rule_hits_by_source_day
left join sources using (source_id)
group by all;
