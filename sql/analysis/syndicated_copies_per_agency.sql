-- How many near-duplicate copies does each agency's copy give rise to? (articles naming an agency:
-- how many are copies of another article, in how many groups, at what similarity)
select coalesce(agency, '(no agency)') as agency,
       count(*) as n_articles,
       count(duplicate_of_article_id) as n_copies,
       count(distinct duplicate_group_id) filter (where duplicate_of_article_id is not null) as n_groups_with_copies,
       round(avg(duplicate_similarity), 3) as mean_similarity
from v_articles
left join unnest(v_articles.agencies) as a(agency) on true
group by all
order by n_copies desc, n_articles desc, agency;
