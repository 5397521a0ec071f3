"""Hostile and broken inputs: each is built here (in a temporary folder), ingested next to good
inputs, and must end as its reject reason (or load correctly) while every good input still loads.

Every entry goes through ONE ingest run (files and folders, a WARC and a sitemap on a local server
together; a flow run costs seconds), and the assertions are parametrized per entry. The catalogue
with its expected outcomes is in RELIABILITY.md. Entries the pipeline handles badly today are
`xfail(strict=True)`: they pass (and so fail the suite) the day the pipeline is fixed.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

import flows.acquire
from flows.ingest import ingest
from flows.settings import Settings
from flows.warc import write_warc
from tests.http_server import robots, serve
from transforms import reasons

LOADED = "loaded"
FIFO_PATIENCE = 5.0  # seconds the land step may wait on a named pipe before the test unblocks it


# --- good content ---------------------------------------------------------------------------


def paragraphs(topic: str) -> list[str]:
    """Five article paragraphs about one topic (distinct topics give distinct bodies)."""
    return [
        f"The city council voted on Tuesday to rebuild the old {topic}, ending a debate that has run for more "
        "than a decade and split the town's two largest parties.",
        f"The new {topic} will cost 48 million euros, according to the council's own estimate, and is due to "
        "open in the spring of 2028 if the construction tender goes to plan.",
        f"Opponents said the money for the {topic} would be better spent on the ferry service, which carries "
        "about 3,000 people a day between the two halves of the town.",
        f'"We have waited long enough for the {topic}," the mayor told reporters after the vote. "People want '
        'to get on with their lives without checking a timetable first."',
        f"Work on the {topic} is expected to start next year, once the environmental review of the estuary has "
        "been published and the contractors have been chosen.",
    ]


def text_article(title: str, body: list[str]) -> str:
    return title + "\n\n" + "\n\n".join(body) + "\n"


def html_page(title: str, body: list[str], charset: str = "utf-8") -> str:
    ps = "\n".join(f"<p>{p}</p>" for p in body)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="{charset}">'
        f"<title>{title} | Harbour Times</title>"
        f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="Harbour Times">'
        '</head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>'
        f"<article><h1>{title}</h1>\n{ps}\n</article>"
        "<footer><p>&copy; 2026 Harbour Times. All rights reserved.</p></footer></body></html>"
    )


# East Asian articles in their legacy encodings, with no declaration anywhere (plain .txt files).
EAST_ASIAN = {
    "euckr.txt": (
        "euc-kr",
        "북한 미사일 발사",
        "정부는 28일 북한이 동해상으로 탄도미사일을 발사했다고 밝혔다. "
        "합동참모본부는 미사일이 약 600킬로미터를 "
        "비행했다고 설명했다. 정부는 국가안전보장회의를 열어 대응 방안을 논의했다.",
    ),
    "sjis.txt": (
        "shift_jis",
        "東京都、新しい橋の建設を決定",
        "東京都は火曜日、隅田川に新しい橋を建設すると発表した。工事は来年の春に始まる予定で、総事業費は約四百億円に"
        "上る見込みだ。都の担当者は、新しい橋が一日三万人以上に利用されると説明した。",
    ),
    "gbk.txt": (
        "gbk",
        "北京市决定修建新桥",
        "北京市政府星期二宣布，将在永定河上修建一座新桥。工程预计明年春天开工，总投资约为四十亿元人民币。"
        "市政府官员表示，新桥建成后每天将有三万多名市民使用。",
    ),
}
CP1252_BODY = [
    p.replace("48 million euros", "€48 million").replace('"', "“", 1).replace('"', "”", 1)
    for p in paragraphs("harbour bridge")
]


# --- hostile content ------------------------------------------------------------------------


def gzip_bomb(decoded_size: int) -> bytes:
    """Gzip bytes (about 1/1000 of the size) that inflate to decoded_size zero bytes."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros, parts = bytes(1 << 20), []
    for start in range(0, decoded_size, len(zeros)):
        parts.append(comp.compress(zeros[: min(len(zeros), decoded_size - start)]))
    parts.append(comp.flush())
    return b"".join(parts)


def _cut_last_record(path: Path, body: bytes) -> None:
    """Cut an uncompressed WARC inside the block of its last record (which holds `body`)."""
    data = path.read_bytes()
    start = data.rindex(body[:200])
    path.write_bytes(data[: start + len(body) // 2])


class FifoWatchdog(threading.Thread):
    """Unblocks a reader stuck on a named pipe: FIFO_PATIENCE seconds after `arm()` (the land step
    starting), it opens the pipe's write end (non-blocking: only possible while someone reads it)
    and closes it, so the reader sees end of file. `unblocked` says whether it had to."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True, name="fifo-watchdog")
        self.path, self.armed_at, self.unblocked = path, None, False
        self.stop = threading.Event()

    def arm(self) -> None:
        if self.armed_at is None:
            self.armed_at = time.monotonic()

    def run(self) -> None:
        while not self.stop.wait(0.1):
            if self.armed_at is None or time.monotonic() - self.armed_at < FIFO_PATIENCE:
                continue
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: nobody is reading the pipe
                continue
            os.close(fd)
            self.unblocked = True
            return


# --- the run --------------------------------------------------------------------------------


@dataclass
class CatalogueRun:
    summary: object
    seconds: float
    base: str  # the local server's URL
    tmp: Path
    landing: Path
    articles: dict[str, dict]  # key -> row (key: file name, URL path, or WARC record name)
    rejects: dict[str, dict]
    documents: dict[str, dict]
    requests: dict[str, int]  # sitemap routes -> number of requests
    fifo_unblocked: bool
    changed_to: bytes  # what changing.txt held when the land step read it
    extra: dict = field(default_factory=dict)

    def outcome(self, key: str) -> str | None:
        if key in self.articles:
            return LOADED
        if key in self.rejects:
            return self.rejects[key]["reason"]
        return None


def _key(uri: str, base: str) -> str:
    if uri.startswith(base):
        return uri[len(base) :]
    if uri.startswith(("http://", "https://")):
        return "/" + uri.split("://", 1)[1].split("/", 1)[1]
    return uri.rsplit("/", 1)[-1]


def _rows(db: Path, sql: str, base: str) -> dict[str, dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, values)) for values in cursor.fetchall()]
    finally:
        con.close()
    return {_key(row["uri"], base): row for row in rows}


GOOD_FILES = ["good_story.txt", "good_page.html", "good_page_gz.htm.gz"]
GOOD_WARC = ["/warc/1.html", "/warc/2.html", "/warc/3.html"]
GOOD_SITEMAP = ["/news/s1.html", "/news/s2.html"]
GOOD = GOOD_FILES + GOOD_WARC + GOOD_SITEMAP


def _build_folder(tmp: Path) -> tuple[Path, dict]:
    """The input folder with the good files and every hostile one; returns it and a few facts."""
    folder, outside = tmp / "in", tmp / "outside"
    folder.mkdir()
    (outside / "folder").mkdir(parents=True)
    write = lambda name, data: (folder / name).write_bytes(data)  # noqa: E731

    # good inputs
    write("good_story.txt", text_article("Council backs new library", paragraphs("library")).encode())
    write("good_page.html", html_page("Council backs new museum", paragraphs("museum")).encode())
    write("good_page_gz.htm.gz", gzip.compress(html_page("Council backs new stadium", paragraphs("stadium")).encode()))

    # tiny and binary
    write("empty.txt", b"")
    write("empty_too.txt", b"")  # a second empty file: the same (empty) bytes
    write("five_bytes.txt", b"Hello")
    write("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    write("pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(500))

    # bytes that are not clean text
    nul = text_article("Council backs new harbour wall", paragraphs("harbour wall")).encode()
    write("nul.txt", nul[:200] + b"\x00" + nul[200:])
    write(
        "surrogate.txt",
        text_article("Council backs new pier", paragraphs("pier"))
        .encode()
        .replace(b"Opponents", b"Opp\xed\xa0\x80onents"),
    )  # U+D800 as UTF-8 would encode it
    write(
        "controls_dense.txt",
        b"Council backs new tower\n\n"
        b"The \x1b[31mcouncil\x1b[0m \x07voted\x08 \x01\x02\x03 on Tuesday to build a \x1b[1mtower\x1b[0m.\x1f\x1e\n",
    )
    sparse = paragraphs("lighthouse")
    sparse[1] = sparse[1].replace("The new", "The \x1b[1mnew\x1b[0m")
    sparse[3] = sparse[3].replace("mayor", "mayor\x07")
    write("controls_sparse.txt", text_article("Council backs new lighthouse", sparse).encode())
    write(
        "invalid_utf8.txt",
        text_article("Council backs new café", paragraphs("café"))
        .encode()
        .replace("café's".encode(), b"caf\xc3 owner\xe2\x80")
        + b"\xff\xfe\n",
    )

    # encodings
    write(
        "cp1252_as_latin1.html",
        html_page("Council votes to rebuild harbour bridge", CP1252_BODY, charset="iso-8859-1").encode("cp1252"),
    )
    for name, (codec, title, body) in EAST_ASIAN.items():
        write(name, f"{title}\n\n{body}\n".encode(codec))
    moji = paragraphs("concert hall")
    moji[0] = moji[0].replace("town's", "townâ€™s") + " The Ã©lite choir will sing at the opening."
    write("mojibake.txt", text_article("Council backs new concert hall", moji).encode())
    write(
        "utf16_bom.txt", text_article("Council backs new swimming pool", paragraphs("swimming pool")).encode("utf-16")
    )

    # compression and size
    write("bomb.html.gz", gzip_bomb(100_000_000))  # 100 MB of zeros, over the 50 MB cap, in ~100 KB
    write("truncated.html.gz", gzip.compress(html_page("Council backs new ferry", paragraphs("ferry")).encode())[:400])
    with (folder / "huge.txt").open("wb") as handle:  # 200 MB, sparse: costs no disk and no time to make
        handle.truncate(200_000_000)

    # structure
    deep = 100_000
    write(
        "deep.html",
        (
            f"<html><head><title>Deep</title></head><body>{'<div>' * deep}"
            + "".join(f"<p>{p}</p>" for p in paragraphs("deep tunnel"))
            + f"{'</div>' * deep}</body></html>"
        ).encode(),
    )

    # names and links
    (outside / "linked_story.txt").write_text(text_article("Council backs new skate park", paragraphs("skate park")))
    (folder / "outside_link.txt").symlink_to(outside / "linked_story.txt")
    (outside / "folder" / "in_linked_folder.txt").write_text(
        text_article("Council backs new cycle lane", paragraphs("cycle lane"))
    )
    (folder / "linked_folder").symlink_to(outside / "folder", target_is_directory=True)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    write("a..b.txt", text_article("Council backs new market hall", paragraphs("market hall")).encode())
    (tmp / "elsewhere").mkdir()
    (tmp / "elsewhere" / "dotdot_story.txt").write_text(
        text_article("Council backs new bus depot", paragraphs("bus depot"))
    )
    os.mkfifo(folder / "pipe.txt")

    # duplicates and a file that changes between discover and land
    dup = text_article("Council backs new town square", paragraphs("town square")).encode()
    write("dup_a.txt", dup)
    write("dup_b.txt", dup)
    write("changing.txt", text_article("Council backs new fire station", paragraphs("fire station")).encode())
    return folder, {"dup": dup}


def _warc(tmp: Path) -> Path:
    path = tmp / "crawl.warc"
    cut_body = html_page("Council backs new ring road", paragraphs("ring road")).encode()
    write_warc(
        path,
        [
            (
                "https://news.example/warc/1.html",
                200,
                "text/html; charset=utf-8",
                html_page("Council backs new school", paragraphs("school")).encode(),
            ),
            (
                "https://news.example/warc/2.html",
                200,
                "text/html; charset=utf-8",
                html_page("Council backs new hospital", paragraphs("hospital")).encode(),
            ),
            (
                "https://news.example/warc/3.html",
                200,
                "text/html; charset=utf-8",
                html_page("Council backs new park", paragraphs("park")).encode(),
            ),
            ("https://news.example/warc/cut.html", 200, "text/html; charset=utf-8", cut_body),
        ],
    )
    _cut_last_record(path, cut_body)
    return path


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> CatalogueRun:
    tmp = tmp_path_factory.mktemp("hostile")
    folder, facts = _build_folder(tmp)
    warc = _warc(tmp)
    db = tmp / "news.duckdb"
    changed_to = text_article("Council backs new police station", paragraphs("police station")).encode()
    watchdog = FifoWatchdog(folder / "pipe.txt")
    real_land_files = flows.acquire.land_files

    def land_files_after_an_edit(files, landing_dir, max_bytes):
        """The real land step, but changing.txt is rewritten after discover listed it."""
        watchdog.arm()
        (folder / "changing.txt").write_bytes(changed_to)
        return real_land_files(files, landing_dir, max_bytes)

    routes = {"/robots.txt": robots("User-agent: *\nAllow: /\n")}
    routes |= {
        f"/news/s{i}.html": html_page(f"Council backs new {t}", paragraphs(t)).encode()
        for i, t in ((1, "theatre"), (2, "harbour crane"))
    }
    with serve(routes) as base, pytest.MonkeyPatch.context() as patch:
        base.routes["/sitemap.xml"] = (
            200,
            {"Content-Type": "application/xml"},
            (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{base}/sitemap.xml</loc></sitemap><sitemap><loc>{base}/pages.xml</loc></sitemap>"
                "</sitemapindex>"
            ).encode(),
        )
        base.routes["/pages.xml"] = (
            200,
            {"Content-Type": "application/xml"},
            (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<url><loc>{base}/news/s1.html</loc></url><url><loc>{base}/pages.xml</loc></url>"
                f"<url><loc>{base}/news/s2.html</loc></url></urlset>"
            ).encode(),
        )
        patch.setattr(flows.acquire, "land_files", land_files_after_an_edit)
        watchdog.start()
        started = time.monotonic()
        try:
            summary = ingest(
                paths=[str(folder), str(tmp / "in" / ".." / "elsewhere" / "dotdot_story.txt")],
                warcs=[str(warc)],
                sitemaps=[base + "/sitemap.xml"],
                settings=Settings(
                    db_path=str(db), allowed_networks=["127.0.0.1/32"], host_delay=0.05, fetch_timeout=5.0
                ),
            )
        finally:
            watchdog.stop.set()
            watchdog.join(5)
        seconds = time.monotonic() - started
        requests = {route: len(base.requests_for(route)) for route in ("/sitemap.xml", "/pages.xml")}
    articles = _rows(db, "select uri, document_id, title, body_text, n_mojibake, content_hash from articles", base)
    rejects = _rows(db, "select uri, document_id, stage, reason, detail from rejects", base)
    documents = _rows(db, "select uri, document_id, encoding, n_bytes, landing_path, status from documents", base)
    return CatalogueRun(
        summary,
        seconds,
        base,
        tmp,
        tmp / "landing",
        articles,
        rejects,
        documents,
        requests,
        watchdog.unblocked,
        changed_to,
        facts,
    )


# --- one outcome per entry --------------------------------------------------------------------

CATALOGUE = [  # (key, expected outcome: a reason code or LOADED, marks)
    ("empty.txt", reasons.EMPTY_FILE, ()),
    ("empty_too.txt", reasons.EMPTY_FILE, ()),  # the same bytes as empty.txt: it shares the reject
    ("five_bytes.txt", reasons.NO_ARTICLE_TEXT, ()),
    ("png.txt", reasons.BINARY_CONTENT, ()),
    ("pdf.txt", reasons.BINARY_CONTENT, ()),
    ("nul.txt", reasons.BINARY_CONTENT, ()),
    ("surrogate.txt", reasons.INVALID_UTF8, ()),
    ("controls_dense.txt", reasons.BINARY_CONTENT, ()),
    ("controls_sparse.txt", LOADED, ()),
    ("invalid_utf8.txt", reasons.INVALID_UTF8, ()),
    ("cp1252_as_latin1.html", LOADED, ()),
    ("euckr.txt", LOADED, ()),
    ("sjis.txt", LOADED, ()),
    ("gbk.txt", LOADED, ()),
    ("mojibake.txt", LOADED, ()),
    ("utf16_bom.txt", LOADED, ()),
    ("bomb.html.gz", reasons.DECOMPRESSED_TOO_LARGE, ()),
    ("truncated.html.gz", reasons.BAD_GZIP, ()),
    ("huge.txt", reasons.TOO_LARGE, ()),
    ("outside_link.txt", LOADED, ()),
    ("loop.txt", reasons.UNREADABLE, ()),
    ("a..b.txt", LOADED, ()),
    ("dotdot_story.txt", LOADED, ()),
    ("changing.txt", LOADED, ()),
    ("dup_a.txt", LOADED, ()),
    ("crawl.warc#record-8", reasons.PARSE_ERROR, ()),
    ("/pages.xml", reasons.UNSUPPORTED_TYPE, ()),  # a urlset listing itself: its own URL is fetched as a page
] + [(key, LOADED, ()) for key in GOOD]


@pytest.mark.parametrize(
    ("key", "expected"), [pytest.param(k, e, marks=m) for k, e, m in CATALOGUE], ids=[k for k, _, _ in CATALOGUE]
)
def test_entry_ends_as_expected(run: CatalogueRun, key: str, expected: str) -> None:
    assert run.outcome(key) == expected, run.rejects.get(key)


def test_every_good_input_loads_next_to_the_hostile_ones(run: CatalogueRun) -> None:
    assert set(GOOD) <= set(run.articles), sorted(set(GOOD) - set(run.articles))
    for key in GOOD:
        assert run.articles[key]["title"].startswith("Council backs new"), run.articles[key]["title"]
    summary = run.summary
    assert summary.n_seen == summary.n_loaded + summary.n_unchanged + summary.n_rejected
    assert summary.n_rejected == len(run.rejects) == sum(summary.rejected_by_reason.values())
    assert summary.failed_checks == [], summary.failed_checks
    # the one warning is the input kept on purpose with its mojibake (a warn-level text-quality check)
    warnings = [(c.name, [row["uri"].rsplit("/", 1)[-1] for row in c.sample]) for c in summary.checks if not c.passed]
    assert warnings == [("articles_have_no_mojibake", ["mojibake.txt"])], warnings


def test_every_reject_has_a_known_reason_and_a_detail(run: CatalogueRun) -> None:
    assert {k: r["reason"] for k, r in run.rejects.items() if not reasons.is_known(r["reason"])} == {}
    assert [k for k, r in run.rejects.items() if not (r["detail"] or "").strip()] == []


def test_the_whole_catalogue_runs_in_reasonable_time(run: CatalogueRun) -> None:
    # the pipe costs FIFO_PATIENCE seconds while it blocks the land step (see the pipe test)
    assert run.seconds < 120 + (FIFO_PATIENCE if run.fifo_unblocked else 0), run.seconds


# --- what loaded entries must hold ------------------------------------------------------------


def test_cp1252_page_labelled_iso_8859_1_keeps_euro_and_quotes(run: CatalogueRun) -> None:
    page = run.articles["cp1252_as_latin1.html"]
    assert run.documents["cp1252_as_latin1.html"]["encoding"] == "cp1252"
    assert "€48 million" in page["body_text"] and "“We have waited" in page["body_text"]
    assert page["n_mojibake"] == 0


@pytest.mark.parametrize("name", list(EAST_ASIAN))
def test_east_asian_text_without_a_declaration_is_decoded(run: CatalogueRun, name: str) -> None:
    _, title, body = EAST_ASIAN[name]
    article = run.articles[name]
    assert article["title"] == title
    assert body in article["body_text"]
    assert article["n_mojibake"] == 0


def test_mojibake_text_loads_but_is_flagged(run: CatalogueRun) -> None:
    article = run.articles["mojibake.txt"]
    assert "â€™" in article["body_text"] and "Ã©lite" in article["body_text"]  # kept as it came
    assert article["n_mojibake"] > 0
    assert all(run.articles[k]["n_mojibake"] == 0 for k in GOOD)


def test_utf16_with_a_bom_loads(run: CatalogueRun) -> None:
    assert run.articles["utf16_bom.txt"]["title"] == "Council backs new swimming pool"
    assert run.documents["utf16_bom.txt"]["encoding"] == "utf-16"


def test_sparse_control_characters_do_not_reach_the_body(run: CatalogueRun) -> None:
    body = run.articles["controls_sparse.txt"]["body_text"]
    assert "The new lighthouse" in body
    assert [c for c in body if ord(c) < 32 and c not in "\n\t"] == []


def test_deeply_nested_html_is_rejected_as_too_deeply_nested_and_the_run_goes_on(run: CatalogueRun) -> None:
    """libxml2 stops at depth 256, so the paragraphs are never reached: the reason says so."""
    assert run.outcome("deep.html") == reasons.TOO_DEEPLY_NESTED
    assert "256" in run.rejects["deep.html"]["detail"]


def test_a_200_mb_file_is_refused_by_its_size_without_being_read(run: CatalogueRun) -> None:
    reject = run.rejects["huge.txt"]
    assert reject["stage"] == "land" and reject["document_id"] is None
    assert "200000000 bytes" in reject["detail"]
    assert max(p.stat().st_size for p in run.landing.rglob("*") if p.is_file()) < 10_000_000


def test_a_gzip_bomb_is_landed_compressed_and_refused_when_inflating(run: CatalogueRun) -> None:
    document = run.documents["bomb.html.gz"]
    assert document["status"] == "rejected" and document["n_bytes"] < 1_000_000
    assert run.rejects["bomb.html.gz"]["stage"] == "extract"


# --- names, links, pipes ----------------------------------------------------------------------


def test_a_symlink_to_a_file_outside_the_folder_is_followed(run: CatalogueRun) -> None:
    """Decision: a file symlink is followed wherever it points; the article's uri is the link's path."""
    article = run.articles["outside_link.txt"]
    assert article["title"] == "Council backs new skate park"
    assert article["uri"] == (run.tmp / "in" / "outside_link.txt").as_uri()


def test_a_symlink_to_a_folder_outside_is_followed_or_rejected(run: CatalogueRun) -> None:
    assert "in_linked_folder.txt" in run.articles or "linked_folder" in run.rejects


def test_a_file_name_with_two_dots_is_an_ordinary_file(run: CatalogueRun) -> None:
    article = run.articles["a..b.txt"]
    assert article["uri"] == (run.tmp / "in" / "a..b.txt").as_uri()
    assert article["title"] == "Council backs new market hall"


def test_a_path_argument_with_dotdot_segments_gets_a_normalised_uri(run: CatalogueRun) -> None:
    article = run.articles["dotdot_story.txt"]
    assert article["uri"] == (run.tmp / "elsewhere" / "dotdot_story.txt").as_uri()


def test_a_named_pipe_does_not_block_the_run(run: CatalogueRun) -> None:
    assert not run.fifo_unblocked
    assert run.outcome("pipe.txt") not in (None, LOADED)


def test_a_file_changed_between_discover_and_land_is_landed_as_read(run: CatalogueRun) -> None:
    """The bytes hashed are the bytes landed and parsed: the version the land step read."""
    document, article = run.documents["changing.txt"], run.articles["changing.txt"]
    landed = Path(document["landing_path"]).read_bytes()
    assert landed == run.changed_to
    assert document["document_id"] == hashlib.sha256(landed).hexdigest() == article["document_id"]
    assert document["n_bytes"] == len(run.changed_to)
    assert article["title"] == "Council backs new police station"


def test_duplicate_files_under_two_names_are_one_document_and_one_article(run: CatalogueRun) -> None:
    """Pinned: documents are content-addressed, so the second name (in walk order) is 'unchanged':
    one documents row and one article, both under the first name; the second name leaves no row."""
    digest = hashlib.sha256(run.extra["dup"]).hexdigest()
    assert [k for k, d in run.documents.items() if d["document_id"] == digest] == ["dup_a.txt"]
    assert [k for k, a in run.articles.items() if a["document_id"] == digest] == ["dup_a.txt"]
    assert run.outcome("dup_b.txt") is None


# --- web sources: WARC and sitemap ------------------------------------------------------------


def test_a_truncated_warc_record_is_a_parse_error_and_the_whole_records_load(run: CatalogueRun) -> None:
    cut = [k for k in run.rejects if k.startswith("crawl.warc#record-")]
    assert cut == ["crawl.warc#record-8"]  # 0 warcinfo, then request + response per page: the 4th response
    assert run.rejects[cut[0]]["stage"] == "warc"
    assert "/warc/cut.html" not in run.articles and "/warc/cut.html" not in run.rejects
    assert {k for k in run.articles if k.startswith("/warc/")} == set(GOOD_WARC)


def test_a_sitemap_listing_itself_terminates_and_its_pages_load(run: CatalogueRun) -> None:
    assert run.requests["/sitemap.xml"] == 1  # the index is read once although it lists itself
    assert {k for k in run.articles if k.startswith("/news/")} == set(GOOD_SITEMAP)
    assert "/sitemap.xml" not in run.rejects
