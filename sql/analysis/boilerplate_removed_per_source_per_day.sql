-- How much boilerplate was removed per outlet and day, and by which kind of rule?
select source_id, fetched_on, category, sum(n_hits)::bigint as n_hits, sum(n_documents)::bigint as n_documents,
       count(distinct rule_id) as n_rules
from v_boilerplate_by_source
group by all
order by fetched_on desc, source_id, n_hits desc, category;
