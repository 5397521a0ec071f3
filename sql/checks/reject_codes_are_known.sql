-- severity: error
-- accepted values: every reject has a known stage and a reason code of transforms/reasons.py
-- (or http_<status>); tests/warehouse/test_checks.py keeps this list and reasons.ALL in step
select stage, reason, count(*) as n_rejects
from rejects
where stage not in ('discover', 'land', 'fetch', 'warc', 'extract', 'clean')
   or (reason not in (
        'not_found', 'unsupported_type', 'unreadable', 'too_large', 'empty_file', 'binary_content',
        'invalid_utf8', 'undecodable', 'no_article_text', 'bad_gzip', 'decompressed_too_large', 'parse_error',
        'timeout', 'connection_error', 'robots_disallowed', 'robots_unavailable', 'blocked_address',
        'redirect_loop', 'too_many_redirects', 'unsupported_scheme', 'invalid_url',
        'extract_timeout', 'extract_failed', 'too_deeply_nested')
       and not regexp_full_match(reason, 'http_[1-5][0-9][0-9]'))
group by stage, reason;
