-- relative dates resolved by tense (issue 17): which way from the publication day each phrase was
-- resolved and the word or rule that decided it ("will", "opens", "said", "ago", "next", "date"
-- for a date written beside it), or why it was left null ("every", "generic", "possessive").

alter table article_dates add column direction varchar;  -- forward | backward | none (the day itself); null: not resolved
alter table article_dates add column cue varchar;        -- the deciding word or rule; null: no cue found, or no anchor

-- rows loaded before this migration were resolved backwards by the old rule, with no cue kept;
-- which way they point is read off the day they got (a rebuild re-reads them by tense)
update article_dates d
set direction = case
        when d.resolved_date > a.anchor_day then 'forward'
        when d.resolved_date < a.anchor_day then 'backward'
        else 'none'
    end
from (
    select article_id, coalesce(published_local_date, cast(published_at as date)) as anchor_day from articles
) a
where a.article_id = d.article_id and d.resolved_date is not null;
