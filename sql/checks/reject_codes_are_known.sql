-- severity: error
-- scope: run (the rejects the run's loads wrote or saw again)
-- accepted values: every reject has a known stage, and a reason code of the vocabulary the caller
-- registers as reason_codes (transforms/reasons.py: reasons.ALL) or http_<status>; when no
-- vocabulary is given, only stages are checked
select stage, reason, count(*) as n_rejects
from rejects
where in_run(last_load_id)
  and (stage not in ('discover', 'land', 'fetch', 'warc', 'extract', 'clean')
       or ((select count(*) from reason_codes) > 0
           and reason not in (select reason from reason_codes)
           and not regexp_full_match(reason, 'http_[1-5][0-9][0-9]')))
group by stage, reason;
