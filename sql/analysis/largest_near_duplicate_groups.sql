-- Which texts were re-published most? (near-duplicate groups by size, with their outlets)
select duplicate_group_id, count(*) as n_articles, count(distinct source_id) as n_sources,
       list(distinct source_id order by source_id) as source_ids,
       min(duplicate_similarity) as min_similarity,
       arg_min(title, reported_at) as first_title
from v_articles
group by duplicate_group_id
having count(*) >= 2
order by n_articles desc, duplicate_group_id;
