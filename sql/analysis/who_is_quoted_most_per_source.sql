-- Who is quoted most by each outlet? (the top 5 speakers per source, by number of quotes)
with speakers as (
    select source_id, source_name, coalesce(speaker_entity_name, speaker) as speaker,
           count(*) as n_quotes, count(distinct article_id) as n_articles
    from v_who_said_what
    where speaker is not null
    group by source_id, source_name, coalesce(speaker_entity_name, speaker)
)
select source_id, source_name, speaker, n_quotes, n_articles
from speakers
qualify row_number() over (partition by source_id order by n_quotes desc, speaker) <= 5
order by source_id, n_quotes desc, speaker;
