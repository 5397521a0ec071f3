"""Candidate sentences for the relative-date labels (bench/labels/relative_dates.jsonl).

A plain regex of its own (not the project's resolver, which is not imported here) finds sentences
holding a relative date expression in the shared gold bodies whose publication day is known:
wcxb's gold `publish_date`; for scrapinghub and readability the page's own markup
(article:published_time, datePublished, ...), read here with a regex. The labeller then reads each
sentence and writes the true day (or null) and the direction by hand.

    .venv/bin/python bench/relative_dates_candidates.py > /tmp/candidates.txt
    .venv/bin/python bench/relative_dates_candidates.py --fresh > /tmp/fresh.txt

--fresh (round 3, the fresh held-out set): only mentions not yet in bench/labels/relative_dates.jsonl,
and a page with no usable markup day (none, or 0001-01-01) takes the day of its URL's /YYYY/MM/DD/
path (nytimes.com/2019/11/19/..., usatoday.com/story/news/.../2019/11/19/...), else the day of its
`datetime="..."` attributes when they all agree.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "extraction"
MARKUP_DATE = re.compile(
    r"(?:article:published_time|datePublished|pubdate|publish[-_]?date|date\.published|DC\.date|"
    r"sailthru\.date|parsely-pub-date|og:pubdate)[\"']?\s*(?:content|:|=)\s*[\"']"
    r"(\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
CANDIDATE = re.compile(
    r"\b(?:(?:last|next|this|on|since|until|by|from)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?:yesterday|today|tonight|tomorrow|last night)\b"
    r"|\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+days?\s+ago\b"
    r"|\b(?:" + MONTHS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?!,?\s*\d{4})(?!\d)"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + MONTHS + r")\b(?!,?\s*\d{4})"
    r"|\bthe\s+\d{1,2}(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)
URL_DAY = re.compile(r"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})/")
DATETIME_ATTRIBUTE = re.compile(r"datetime=[\"'](\d{4}-\d{2}-\d{2})")
LABELS = Path(__file__).resolve().parent / "labels" / "relative_dates.jsonl"
SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+[\"”’)]*|\n|$)")


def page_date(set_name: str, row: dict) -> str | None:
    if set_name == "wcxb":
        d = row.get("publish_date") or ""
        return d if len(d) == 10 else None
    html = SHARED / set_name / "html"
    path = html / f"{row['id']}.html"
    if not path.exists():
        return None
    found = MARKUP_DATE.search(path.read_bytes().decode("utf-8", "replace"))
    return found.group(1) if found else None


def fallback_date(set_name: str, row: dict) -> tuple[str, str] | None:
    """The day of the URL's /YYYY/MM/DD/ path, else of the page's datetime attributes when they agree."""
    url = URL_DAY.search(row.get("url") or "")
    if url:
        return "-".join(url.groups()), "url path"
    path = SHARED / set_name / "html" / f"{row['id']}.html"
    if set_name == "wcxb" or not path.exists():
        return None
    days = set(DATETIME_ATTRIBUTE.findall(path.read_bytes().decode("utf-8", "replace")))
    return (days.pop(), "datetime attribute") if len(days) == 1 else None


def main() -> None:
    fresh = "--fresh" in sys.argv[1:]
    labelled = set()
    if fresh:
        for line in LABELS.open(encoding="utf-8"):
            label = json.loads(line)
            if "_header" not in label:
                labelled.add((label["set"], label["page_id"], label["start"]))
    for set_name in ("wcxb", "scrapinghub", "readability"):
        for line in (SHARED / set_name / "gold.jsonl").open(encoding="utf-8"):
            row = json.loads(line)
            published = page_date(set_name, row)
            source = "gold" if set_name == "wcxb" else "page markup"
            if fresh and (not published or published.startswith("0001")):
                found = fallback_date(set_name, row)
                published, source = found if found else (None, "")
            if not published or published.startswith("0001"):
                continue
            weekday = date.fromisoformat(published).strftime("%a")
            body = row["body"]
            for sentence in SENTENCE.finditer(body):
                for m in CANDIDATE.finditer(sentence.group(0)):
                    if m.group(0)[0].islower() and m.group(0).split()[-1].lower() in {"may", "march"}:
                        continue
                    start = sentence.start() + m.start()
                    if (set_name, row["id"], start) in labelled:
                        continue
                    print(
                        json.dumps(
                            {
                                "set": set_name,
                                "page_id": row["id"],
                                "publish_date": published,
                                "publish_date_source": source,
                                "weekday": weekday,
                                "start": start,
                                "mention": m.group(0),
                                "sentence": sentence.group(0).strip(),
                            },
                            ensure_ascii=False,
                        )
                    )


if __name__ == "__main__":
    main()
