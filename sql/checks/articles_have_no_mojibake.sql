-- severity: warn
-- scope: run (the articles of the run's loads)
-- text quality: mojibake markers (UTF-8 read as cp1252/latin-1: "Ã©", "â€™", ...) left in a title
-- or body; n_mojibake is the body's count from transforms/mojibake.py
select article_id, uri, n_mojibake, title
from articles
where in_run(load_id)
  and (coalesce(n_mojibake, 0) > 0
       or regexp_matches(coalesce(title, ''), '(Ã[\x{80}-\x{BF}]|â€[™œ\x{9D}“”˜¦]|Â[\x{A0}-\x{BF}])'));
