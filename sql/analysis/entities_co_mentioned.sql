-- Which entities are named in the same articles as X? (X by name or id: `--var entity=NATO`, or in
-- SQL `set variable entity = 'NATO'`; by default the most-mentioned person or organisation)
with target as (
    select entity_id from v_entity_mentions
    where entity_name = getvariable('entity') or entity_id = getvariable('entity')
       or (getvariable('entity') is null and kind in ('person', 'organisation', 'organization'))
    order by (entity_name = getvariable('entity') or entity_id = getvariable('entity')) desc nulls last,
             n_articles desc, n_mentions desc, entity_id
    limit 1
),
target_articles as (
    select distinct mentions.article_id
    from mentions join articles using (document_id)
    where mentions.entity_id = (select entity_id from target)
)
select (select entity_id from target) as with_entity_id, mentions.entity_id, any_value(entities.entity_name) as entity_name,
       any_value(mentions.kind) as kind, count(distinct mentions.article_id) as n_articles_together
from mentions
join articles using (document_id)
left join entities on entities.entity_id = mentions.entity_id
where mentions.article_id in (select article_id from target_articles)
  and mentions.entity_id <> (select entity_id from target)
group by mentions.entity_id
order by n_articles_together desc, mentions.entity_id
limit 25;
