-- rejected inputs per stage and reason, for a quick look at what goes wrong
create or replace view rejects_by_reason as
select stage, reason, count(*) as n_inputs, sum(n_seen) as n_seen, max(last_seen_at) as last_seen_at
from rejects
group by stage, reason;
