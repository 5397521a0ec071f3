-- Stories as a function of the set of articles (issue 17): a load re-clusters its new articles with
-- the link groups they link to, so stories merge and split; story_lineage keeps each such change.
-- story_articles.is_dated: whether event_at is the publication time (else when the document was
-- first seen); undated articles come after dated ones in a story's order, by article_id.
alter table story_articles add column is_dated boolean;
update story_articles set is_dated = articles.published_at is not null
from articles
where articles.article_id = story_articles.article_id;
update story_articles set is_dated = false where is_dated is null;
-- the link group (connected articles) a story was cut from; a load re-clusters whole groups. Rows
-- assigned before this migration: their story (a rebuild assigns them as the code does now)
alter table story_articles add column link_group_id varchar;
update story_articles set link_group_id = story_id;

-- one row per (story before, story after) whenever a load moved stored articles between stories
create table story_lineage (
    load_id varchar not null,             -- the load that made the change
    previous_story_id varchar not null,   -- the story the articles were in before the load
    story_id varchar not null,            -- the story they are in after it
    n_articles integer not null,          -- how many of previous_story_id's articles went to story_id
    is_merge boolean not null,            -- story_id took articles from two or more previous stories
    is_split boolean not null,            -- previous_story_id's articles went to two or more stories
    recorded_at timestamptz not null,
    primary key (load_id, previous_story_id, story_id)
);
