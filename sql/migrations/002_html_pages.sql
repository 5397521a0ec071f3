-- HTML inputs: what the page says about itself, whose extraction the body is, and how many
-- mojibake markers the body still carries (0 for clean text; also counted for plain text)
alter table article_versions add column site_name varchar;
alter table article_versions add column site_host varchar;
alter table article_versions add column description varchar;
alter table article_versions add column image_url varchar;
alter table article_versions add column page_language varchar;
alter table article_versions add column categories varchar[];
alter table article_versions add column tags varchar[];
alter table article_versions add column extractor varchar;      -- trafilatura | readability | null (plain text)
alter table article_versions add column n_mojibake integer;

alter table articles add column site_name varchar;
alter table articles add column site_host varchar;
alter table articles add column description varchar;
alter table articles add column image_url varchar;
alter table articles add column page_language varchar;
alter table articles add column categories varchar[];
alter table articles add column tags varchar[];
alter table articles add column extractor varchar;
alter table articles add column n_mojibake integer;
