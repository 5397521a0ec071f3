-- batch_story_articles holds the new versions' rows and every stored article of the stories the
-- batch re-clustered (transforms/analysis/stories.py `recluster`). First the lineage of the stored
-- articles that move to another story (story_lineage: one row per (story before, story after) of a
-- merge, a split, or a story whose id changed with a new first member), then the stories they leave
-- and join (recomputed by load/stories.sql), then the rows themselves. The stored rows of the batch's
-- articles are found once (stored_story_rows), and later statements reach them by rowid: each scan of
-- story_articles' ids costs about 0.03 s at 1 M articles.
create or replace temp table stored_story_rows as
select rowid as story_row, article_id, story_id
from story_articles
where article_id in $batch_story_article_ids;  -- a list: DuckDB filters the scan with it
insert into story_lineage by name
with pairs as (
    select stored.story_id as previous_story_id, batch.story_id, count(*) as n_articles
    from stored_story_rows as stored
    join batch_story_articles as batch using (article_id)
    group by all
),
fan_out as (select previous_story_id, count(*) as n_after from pairs group by previous_story_id),
fan_in as (select story_id, count(*) as n_before from pairs group by story_id)
select $load_id as load_id, pairs.previous_story_id, pairs.story_id, pairs.n_articles,
       fan_in.n_before > 1 as is_merge, fan_out.n_after > 1 as is_split, $loaded_at as recorded_at
from pairs
join fan_out using (previous_story_id)
join fan_in using (story_id)
where pairs.previous_story_id <> pairs.story_id or fan_in.n_before > 1 or fan_out.n_after > 1;
create or replace temp table touched_stories as
select story_id from stored_story_rows
union
select story_id from batch_story_articles;
delete from story_articles
where rowid in (select story_row from stored_story_rows where article_id in (select article_id from new_versions));
-- the stored articles that move take their new story, similarity and opener flag
update story_articles
set story_id = batch.story_id, link_group_id = batch.link_group_id, similarity = batch.similarity,
    is_opener = batch.is_opener, load_id = $load_id
from batch_story_articles as batch
where story_articles.rowid in (select story_row from stored_story_rows)
  and story_articles.article_id = batch.article_id
  and (story_articles.story_id <> batch.story_id
       or story_articles.link_group_id is distinct from batch.link_group_id
       or story_articles.similarity is distinct from batch.similarity
       or story_articles.is_opener <> batch.is_opener);
insert into story_articles by name
select batch_story_articles.article_id, batch_story_articles.story_id, batch_story_articles.link_group_id,
       new_versions.document_id,
       batch_story_articles.event_at, batch_story_articles.is_dated, batch_story_articles.language,
       batch_story_articles.entity_ids, batch_story_articles.terms, batch_story_articles.similarity,
       batch_story_articles.is_opener, $load_id as load_id
from batch_story_articles
join new_versions using (article_id);
drop table stored_story_rows;
