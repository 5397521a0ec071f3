"""Sidecar metadata for file inputs: `<file>.json` beside a file, or a row of a manifest CSV. Pure.

A sidecar says what the file cannot: its URL, source, publication and modification dates,
language and authors. Keys (all optional): `url`, `source`, `published_at`, `modified_at`,
`language`, `authors` (a list, or one string). Values are checked here; one bad value makes the
whole sidecar bad (`BadSidecar`, rejected as `bad_sidecar`) and the article loads without it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from transforms.dates.article_dates import parse_timestamp
from transforms.metadata.sources import source_aliases

SIDECAR_SUFFIX = ".json"
MAX_SIDECAR_BYTES = 1_000_000
KEYS = ("url", "source", "published_at", "modified_at", "language", "authors")
MANIFEST_PATH_COLUMNS = ("path", "uri", "file")  # the column naming the input (first one present)
MANIFEST_AUTHOR_SEPARATOR = ";"
LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*$")
WEB_URL = re.compile(r"^https?://[^\s/]+\S*$", re.IGNORECASE)
# Terminal escape sequences and C0/C1 control characters (NUL, ESC, BEL, ..., tabs and newlines too:
# every value is one line) never reach the warehouse, as from bodies (transforms/frames/normalise.py).
CONTROL_CHARACTERS = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x1f\x7f-\x9f]")
MAX_MANIFEST_PROBLEMS = 1000  # rows of one manifest reported as bad, at most; a line then says how many more


class BadSidecar(ValueError):
    """A sidecar (or manifest row) that cannot be used; the message says why."""


@dataclass(frozen=True)
class Sidecar:
    url: str | None = None
    source: str | None = None  # a source_id of transforms/data/sources.toml
    published_at: str | None = None  # as written (checked to parse; normalise converts it)
    modified_at: str | None = None
    language: str | None = None  # ISO 639 code, lower case
    authors: tuple[str, ...] = ()

    def over(self, other: Sidecar | None) -> Sidecar:
        """This sidecar's values, with `other`'s where this one has none."""
        if other is None:
            return self
        return replace(other, **{f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)})


def sidecar_names(file_name: str) -> tuple[str, str]:
    """The names a sidecar of `file_name` may have, preferred first: `story.txt.json`, `story.json`."""
    stem = file_name[: -len(".gz")] if file_name.lower().endswith(".gz") else file_name
    return file_name + SIDECAR_SUFFIX, stem.rsplit(".", 1)[0] + SIDECAR_SUFFIX


def _without_controls(value: str) -> str:
    return CONTROL_CHARACTERS.sub(" ", value).strip() if CONTROL_CHARACTERS.search(value) else value.strip()


def _text(key: str, value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadSidecar(f"{key}: expected a string, got {type(value).__name__}")
    return _without_controls(value) or None


def sidecar_from(values: Mapping[str, object]) -> Sidecar:
    """Check a mapping of sidecar keys and values; raises BadSidecar."""
    unknown = sorted(set(values) - set(KEYS))
    if unknown:
        raise BadSidecar(f"unknown key(s) {', '.join(map(repr, unknown))}; known keys: {', '.join(KEYS)}")
    url, source, language = (_text(k, values.get(k)) for k in ("url", "source", "language"))
    if url and not WEB_URL.match(url):
        raise BadSidecar(f"url: not an http(s) URL: {url!r}")
    source_id = None
    if source:
        source_id = source_aliases().get(source.lower())
        if source_id is None:
            raise BadSidecar(f"source: {source!r} is not in transforms/data/sources.toml")
    dates = {}
    for key in ("published_at", "modified_at"):
        raw = _text(key, values.get(key))
        if raw and parse_timestamp(raw) is None:
            raise BadSidecar(f"{key}: not an ISO 8601 date or timestamp: {raw!r}")
        dates[key] = raw
    if language and not LANGUAGE.match(language):
        raise BadSidecar(f"language: not an ISO 639 code: {language!r}")
    raw_authors = values.get("authors")
    if isinstance(raw_authors, str):
        raw_authors = [raw_authors]
    if raw_authors is not None and not (isinstance(raw_authors, list) and all(isinstance(a, str) for a in raw_authors)):
        raise BadSidecar("authors: expected a list of strings")
    return Sidecar(
        url,
        source_id,
        dates["published_at"],
        dates["modified_at"],
        LANGUAGE.match(language).group(1).lower() if language else None,  # type: ignore[union-attr]
        tuple(name for a in raw_authors or [] if (name := " ".join(_without_controls(a).split()))),
    )


def parse_sidecar(data: bytes) -> Sidecar:
    """A sidecar file's bytes (a UTF-8 JSON object) -> a Sidecar; raises BadSidecar."""
    if len(data) > MAX_SIDECAR_BYTES:
        raise BadSidecar(f"{len(data)} bytes; a sidecar is at most {MAX_SIDECAR_BYTES}")
    try:
        values = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise BadSidecar(f"not UTF-8 JSON: {exc}") from None
    if not isinstance(values, dict):
        raise BadSidecar(f"expected a JSON object, got {type(values).__name__}")
    return sidecar_from(values)


class _Lines:
    """The lines of a text, counted as csv takes them (csv's own count skips a row it failed on)."""

    def __init__(self, stream: io.StringIO) -> None:
        self.stream, self.n = stream, 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self.stream)
        self.n += 1
        return line


@dataclass(frozen=True)
class ManifestRow:
    line: int  # the row's line number in the CSV (the header is line 1)
    path: str  # as written: a path (relative to the manifest's folder, or absolute) or a file:// URI
    sidecar: Sidecar | None  # None when the row's values cannot be used (the file is still an input)


def parse_manifest(text: str) -> tuple[list[ManifestRow], list[tuple[int, str]]]:
    """A manifest CSV -> its rows, and (line, reason) for each row whose values cannot be used
    (such a row still names its file, with no metadata).

    Columns: `path` (or `uri`, `file`) naming the input, then any of url, source, published_at,
    modified_at, language, authors (names separated by ";"). Empty cells say nothing."""
    lines = _Lines(io.StringIO(text.lstrip("\ufeff")))
    reader = csv.DictReader(lines)
    try:
        columns = [c.strip().lower() for c in reader.fieldnames or []]
    except csv.Error as exc:
        return [], [(1, f"header not readable as CSV: {exc}")]
    path_column = next((c for c in MANIFEST_PATH_COLUMNS if c in columns), None)
    if path_column is None:
        return [], [(1, f"no {' / '.join(MANIFEST_PATH_COLUMNS)} column naming the inputs (columns: {columns})")]
    rows: list[ManifestRow] = []
    problems: list[tuple[int, str]] = []
    n_bad = 0
    while True:
        number = lines.n + 1  # the line the row starts on
        try:
            raw = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a field over csv's limit (131,072 characters): this row, not the file
            n_bad += 1
            if n_bad <= MAX_MANIFEST_PROBLEMS:
                problems.append((number, f"row not readable as CSV ({exc}); its file is not listed"))
            continue
        values = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if not isinstance(v, list)}
        path = values.pop(path_column, "")
        for other in MANIFEST_PATH_COLUMNS:
            values.pop(other, None)
        if not path:
            problems.append((number, f"empty {path_column}"))
            continue
        if values.get("authors"):
            values["authors"] = values["authors"].split(MANIFEST_AUTHOR_SEPARATOR)
        try:
            rows.append(ManifestRow(number, path, sidecar_from({k: v for k, v in values.items() if v})))
        except BadSidecar as exc:
            rows.append(ManifestRow(number, path, None))
            problems.append((number, str(exc)))
    if n_bad > MAX_MANIFEST_PROBLEMS:
        problems.append((number, f"{n_bad - MAX_MANIFEST_PROBLEMS} more rows not readable as CSV"))
    return rows, problems
