-- every web article has an outlet: sources gets the outlets not in the curated registry (one row
-- per registrable domain, is_curated = false, named after the site name its pages give most);
-- articles keep the registrable domain of their URL, the credits that are organisations rather
-- than people, where the title came from, and the publication day as the page printed it (its
-- local calendar day) with its offset from UTC, beside the UTC instant published_at.

alter table sources add column is_curated boolean not null default true;  -- false: found from an article's URL
alter table sources add column first_seen_at timestamptz;                 -- when the first article of it was loaded

alter table article_versions add column source_domain varchar;            -- registrable domain of the article's URL
alter table article_versions add column credit_organisations varchar[];   -- organisations, desks, site names credited
alter table article_versions add column title_source varchar;             -- og_title | jsonld | h1 | title | extractor
alter table article_versions add column published_local_date date;      -- published_at's day as the page printed it
alter table article_versions add column published_utc_offset integer;     -- minutes east of UTC; null: no zone given

alter table articles add column source_domain varchar;
alter table articles add column credit_organisations varchar[];
alter table articles add column title_source varchar;
alter table articles add column published_local_date date;
alter table articles add column published_utc_offset integer;

-- rows loaded before this migration: no organisation credits were kept; their local day is not
-- known (null: a rebuild from the landing store fills it), nor where their title came from
update article_versions set credit_organisations = [];
update articles set credit_organisations = [];
