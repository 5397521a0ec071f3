-- in how many articles of stories each wanted entity or term occurs
with entity_counts as (
    select entity_id as feature, true as is_entity, count(*) as n_articles
    from story_articles, unnest(entity_ids) as e(entity_id)
    where entity_id in (select feature from wanted_features where is_entity)
    group by entity_id
),
term_counts as (
    select term as feature, false as is_entity, count(*) as n_articles
    from story_articles, unnest(terms) as t(term)
    where term in (select feature from wanted_features where not is_entity)
    group by term
)
select feature, is_entity, n_articles from entity_counts
union all
select feature, is_entity, n_articles from term_counts
