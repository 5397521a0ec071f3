"""Stories do not depend on load order or batch size (issue 17): the same text articles loaded in
two orders, in batches of 3 and of 50, and rebuilt from the landing store, give the same stories
with the same ids."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from flows.ingest import ingest
from flows.rebuild import rebuild
from flows.settings import Settings

# six events on consecutive days: who, which organisation, where, who else, what
EVENTS = [
    ("Jens Stoltenberg", "NATO", "Ukraine", "Sergey Lavrov", "talks on troops near the border"),
    ("Emmanuel Macron", "European Union", "France", "Ursula von der Leyen", "a summit on energy prices"),
    ("Elon Musk", "Tesla", "Germany", "Olaf Scholz", "a new factory near Berlin"),
    ("Lionel Messi", "Paris Saint-Germain", "France", "Kylian Mbappe", "a transfer dispute"),
    ("Antonio Guterres", "United Nations", "Ethiopia", "Abiy Ahmed", "a ceasefire in the north"),
    ("Tim Cook", "Apple", "United States", "Joe Biden", "a new chip plant in Arizona"),
]
START = datetime(2024, 3, 1, 9, tzinfo=UTC)
SLOW_MACHINE = {"extract_timeout": 300.0, "workers": 1}


def _write_articles(folder: Path) -> list[Path]:
    """Five reports of each event (the last two undated: their event time is when they are read),
    and one report a day on two neighbouring events, each dated by a sidecar."""
    folder.mkdir()
    files = []

    def write(name: str, title: str, body: str, published: datetime | None) -> None:
        path = folder / f"{name}.txt"
        path.write_text(f"{title}\n\n{body}\n", "utf-8")
        if published is not None:
            (folder / f"{name}.txt.json").write_text(json.dumps({"published_at": published.isoformat()}), "utf-8")
        files.append(path)

    for e, (who, org, place, other, what) in enumerate(EVENTS):
        for k in range(5):
            first = (who, org) if k % 2 == 0 else (org, who)
            body = (
                f"{first[0]} and {first[1]} spoke on {what}.\n\n"
                f'"We are ready," said {who}, speaking in {place} on Monday.\n\n'
                f"Officials of {org} met {other} to discuss {what}; {other} said talks would go on.\n\n"
                f"Report {k} on the matter, with details on {what.split()[-1]}."
            )
            published = START + timedelta(days=e, hours=7 * k) if k < 3 else None
            write(f"e{e}-{k}", f"{who} and {org}: {what}, report {k}", body, published)
    for e in range(len(EVENTS) - 1):
        (who, org, _, other, what), (who2, org2, _, other2, what2) = EVENTS[e], EVENTS[e + 1]
        body = (
            f"{who} and {who2} were both in the news this week.\n\n"
            f'"It was a long week," said {other2}.\n\n'
            f"{org} and {org2} commented on {what} and on {what2}; {other} was not available."
        )
        write(f"b{e}", f"{who}, {who2} and the week", body, START + timedelta(days=e, hours=12))
    return files


def _stories(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.sql("select a.uri, s.story_id from story_articles s join articles a using (article_id)").fetchall()
    finally:
        con.close()
    return {uri.rsplit("/", 1)[1]: story for uri, story in rows}


def _lineage(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.sql("select count(*) from story_lineage").fetchall()[0][0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("stability")
    files = [str(p) for p in _write_articles(root / "in")]
    orders = {"small": files[:], "large": files[:]}
    random.Random(1).shuffle(orders["small"])
    random.Random(2).shuffle(orders["large"])
    runs = {}
    for name, size in (("small", 3), ("large", 50)):
        settings = Settings(db_path=str(root / name / "news.duckdb"), batch_size=size, **SLOW_MACHINE)
        summary = ingest(paths=orders[name], settings=settings)
        runs[name] = (settings, summary)
    rebuilt = root / "rebuilt.duckdb"
    rebuild(into=str(rebuilt), settings=runs["small"][0])
    return {"runs": runs, "rebuilt": rebuilt, "n_files": len(files)}


def test_two_orders_and_batch_sizes_and_a_rebuild_give_the_same_stories(loaded) -> None:
    small, large = (_stories(loaded["runs"][name][0].db_path) for name in ("small", "large"))
    assert len(small) == loaded["n_files"]
    assert small == large  # the same story ids, so the same partition
    assert _stories(loaded["rebuilt"]) == small


def test_the_stories_are_not_trivial_and_the_small_batches_moved_articles(loaded) -> None:
    stories = _stories(loaded["runs"]["small"][0].db_path)
    sizes = sorted((list(stories.values()).count(s) for s in set(stories.values())), reverse=True)
    assert sizes[0] >= 4 and len(sizes) >= len(EVENTS)  # stories of several reports, not one lump
    assert len({stories["e0-0.txt"], stories["e1-0.txt"], stories["e2-0.txt"]}) == 3  # events apart
    # the two undated reports of an event are one story wherever they were read in the order
    assert stories["e2-3.txt"] == stories["e2-4.txt"]
    # loading in batches of 3 re-clustered stored stories (merges, splits or a new first member)
    assert _lineage(loaded["runs"]["small"][0].db_path) > 0
    assert all(c.passed for _, s in loaded["runs"].values() for c in s.checks if c.severity == "error")
