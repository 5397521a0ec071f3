"""Discover and land: expand paths into input files, keep their raw bytes in the landing store.

A file may come with sidecar metadata: `<file>.json` (or `<stem>.json`) beside it, and/or a row
of a manifest CSV (`--manifest`). Sidecar files are read with their input, never ingested as
inputs themselves; what they say is kept in the landing manifest with the document, so a run
recovering from the landing store applies the same metadata.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from flows.settings import INPUT_KINDS, input_kind
from transforms import reasons
from transforms.documents.outcomes import LandedDocument
from transforms.frames.ledger import Reject
from transforms.metadata.sidecars import (
    MAX_SIDECAR_BYTES,
    SIDECAR_SUFFIX,
    BadSidecar,
    Sidecar,
    parse_manifest,
    parse_sidecar,
    sidecar_from,
    sidecar_names,
)

DEFAULT_KIND = "text"  # a file named directly, with no known ending, is read as plain text
LANDING_THREADS = 8  # files of a batch written (and fsynced) at once
MAX_MANIFEST_BYTES = 100_000_000


@dataclass(frozen=True)
class InputFile:
    path: Path
    uri: str
    kind: str  # text | html
    sidecar_path: Path | None = None  # <file>.json beside it
    listed: Sidecar | None = None  # its row in a manifest CSV
    listed_uri: str | None = None  # that row: file:///.../manifest.csv#line=3


def _uri(path: Path) -> str:
    """The file's URI: absolute, with "." and ".." segments resolved lexically (links are kept)."""
    return Path(os.path.normpath(path.absolute())).as_uri()


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _key(path: Path) -> Path:
    return Path(os.path.normpath(path.absolute()))


def _sidecar_of(path: Path) -> Path | None:
    """`story.txt.json`, else `story.json`, beside the file, when one exists."""
    for name in sidecar_names(path.name):
        candidate = path.with_name(name)
        if candidate.is_file():
            return candidate
    return None


def _input(path: Path, kind: str, listed: dict[Path, tuple[Sidecar, str]]) -> InputFile:
    sidecar, row = listed.get(_key(path), (None, None))
    return InputFile(path, _uri(path), kind, _sidecar_of(path), sidecar, row)


def discover_files(
    paths: list[str], listed: dict[Path, tuple[Sidecar, str]] | None = None
) -> tuple[list[InputFile], list[Reject]]:
    """Files named directly are inputs whatever their extension (read as text unless the name
    says HTML); folders are walked recursively for files with a known ending (`INPUT_KINDS`,
    optionally gzipped), other files there are rejected as unsupported, except the `.json`
    sidecars of inputs. `listed`: manifest rows by file path (see `read_manifests`)."""
    listed = listed or {}
    found: dict[Path, InputFile] = {}
    rejects: list[Reject] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            unclaimed_json: list[Path] = []
            for child in sorted(path.rglob("*")):
                if _hidden(child, path):
                    continue
                if child.is_dir():
                    if child.is_symlink():  # rglob does not descend into it: say so rather than skip it
                        rejects.append(
                            Reject(
                                _uri(child),
                                "discover",
                                reasons.UNSUPPORTED_TYPE,
                                "a symlink to a folder is not followed; name the folder itself",
                            )
                        )
                    continue
                kind = input_kind(child.name)
                if kind:
                    found.setdefault(child.absolute(), _input(child, kind, listed))
                elif child.name.lower().endswith(SIDECAR_SUFFIX):
                    unclaimed_json.append(child)  # a sidecar, unless no input claims it
                else:
                    rejects.append(
                        Reject(
                            _uri(child),
                            "discover",
                            reasons.UNSUPPORTED_TYPE,
                            f"extension {child.suffix or '(none)'!r} is not one of {sorted(INPUT_KINDS)}"
                            " (optionally .gz)",
                        )
                    )
            claimed = {f.sidecar_path for f in found.values() if f.sidecar_path}
            rejects += [
                Reject(
                    _uri(j),
                    "discover",
                    reasons.UNSUPPORTED_TYPE,
                    "a .json file that is no input's sidecar (name it <file>.json beside the file)",
                )
                for j in unclaimed_json
                if j not in claimed
            ]
        elif path.exists() or path.is_symlink():
            found.setdefault(path.absolute(), _input(path, input_kind(path.name) or DEFAULT_KIND, listed))
        else:
            rejects.append(Reject(_uri(path), "discover", reasons.NOT_FOUND, f"no such file or folder: {raw}"))
    return list(found.values()), rejects


def _manifest_path(manifest: Path, written: str) -> Path:
    """A manifest row's path: a file:// URI, an absolute path, or relative to the manifest's folder."""
    if written.lower().startswith("file://"):
        return Path(unquote(urlparse(written).path))
    path = Path(written).expanduser()
    return path if path.is_absolute() else manifest.parent / path


def read_manifests(manifests: list[str]) -> tuple[dict[Path, tuple[Sidecar, str]], list[str], list[Reject]]:
    """Manifest CSVs -> (file path -> (its metadata, the row's URI)), the files they list (inputs
    too, a file on a bad row as well), and a `bad_sidecar` reject per row whose values cannot be
    used (`not_found` for a missing CSV)."""
    listed: dict[Path, tuple[Sidecar, str]] = {}
    files: list[str] = []
    rejects: list[Reject] = []
    for name in manifests:
        manifest = Path(name).expanduser()
        try:
            text = manifest.read_bytes()[: MAX_MANIFEST_BYTES + 1].decode("utf-8-sig")
        except FileNotFoundError:
            rejects.append(Reject(_uri(manifest), "discover", reasons.NOT_FOUND, f"no such manifest: {name}"))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            rejects.append(
                Reject(_uri(manifest), "discover", reasons.BAD_SIDECAR, f"manifest not readable as UTF-8: {exc}")
            )
            continue
        rows, problems = parse_manifest(text)
        rejects += [
            Reject(f"{_uri(manifest)}#line={line}", "discover", reasons.BAD_SIDECAR, detail)
            for line, detail in problems
        ]
        for row in rows:
            path = _manifest_path(manifest, row.path)
            if row.sidecar is not None:
                listed[_key(path)] = (row.sidecar, f"{_uri(manifest)}#line={row.line}")
            files.append(str(path))
    return listed, files, rejects


def _write_atomically(target: Path, data: bytes) -> None:
    """temp file in the same folder -> fsync -> rename -> fsync the folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".landing-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def landing_path_for(landing_dir: Path, document_id: str) -> Path:
    return landing_dir / document_id[:2] / document_id


def _given_metadata(item: InputFile) -> tuple[Sidecar | None, tuple[str, ...], Reject | None]:
    """The metadata a file came with: its sidecar file's values over its manifest row's. A sidecar
    that cannot be read or used is a `bad_sidecar` reject; the file goes on without it."""
    given, uris, problem = item.listed, (item.listed_uri,) if item.listed_uri else (), None
    if item.sidecar_path is not None:
        try:
            with item.sidecar_path.open("rb") as handle:
                sidecar = parse_sidecar(handle.read(MAX_SIDECAR_BYTES + 1))
            given, uris = sidecar.over(given), (_uri(item.sidecar_path), *uris)
        except (OSError, BadSidecar) as exc:
            detail = str(exc) if isinstance(exc, BadSidecar) else f"{type(exc).__name__}: {exc.strerror or exc}"
            problem = Reject(_uri(item.sidecar_path), "land", reasons.BAD_SIDECAR, f"sidecar of {item.uri}: {detail}")
    return given, uris, problem


def land_files(files: list[InputFile], landing_dir: Path, max_bytes: int) -> tuple[list[LandedDocument], list[Reject]]:
    """Read each file once and keep its bytes, content-addressed, before anything parses them.
    A file's sidecar is read with it; a bad one adds a reject and the file lands without it."""
    to_land: list[tuple[InputFile, bytes, Sidecar | None, tuple[str, ...]]] = []
    rejects: list[Reject] = []
    for item in files:
        try:
            info = item.path.stat()
            if not stat.S_ISREG(info.st_mode):  # a pipe, a device, a socket: never read (it may not end)
                rejects.append(Reject(item.uri, "land", reasons.UNSUPPORTED_TYPE, "not a regular file"))
                continue
            if info.st_size > max_bytes:
                rejects.append(
                    Reject(item.uri, "land", reasons.TOO_LARGE, f"{info.st_size} bytes > cap of {max_bytes}")
                )
                continue
            with item.path.open("rb") as handle:
                data = handle.read(max_bytes + 1)  # a file growing after stat() is still capped
            if len(data) > max_bytes:
                rejects.append(Reject(item.uri, "land", reasons.TOO_LARGE, f"grew past the cap of {max_bytes} bytes"))
                continue
        except OSError as exc:
            rejects.append(Reject(item.uri, "land", reasons.UNREADABLE, f"{type(exc).__name__}: {exc.strerror or exc}"))
            continue
        given, uris, problem = _given_metadata(item)
        if problem is not None:
            rejects.append(problem)
        to_land.append((item, data, given, uris))
    # fsync dominates landing: files are written by several threads, so the file system commits
    # their fsyncs together (each file is still written, fsynced and renamed before it counts)
    with ThreadPoolExecutor(LANDING_THREADS) as threads:
        stored = list(threads.map(lambda x: land_bytes(x[0].uri, x[1], landing_dir, kind=x[0].kind), to_land))
    landed = [replace(doc, sidecar=given, sidecar_uris=uris) for doc, (_, _, given, uris) in zip(stored, to_land)]
    return landed, rejects


def land_bytes(
    uri: str, data: bytes, landing_dir: Path, *, kind: str, fetched_at: datetime | None = None, **web: object
) -> LandedDocument:
    """Keep one input's bytes in the landing store (content-addressed, written atomically) and
    describe it. `web`: origin, http_status, content_type, final_url, etag, last_modified."""
    document_id = hashlib.sha256(data).hexdigest()
    target = landing_path_for(landing_dir, document_id)
    if not target.exists():
        _write_atomically(target, data)
    return LandedDocument(document_id, uri, data, fetched_at or datetime.now(UTC), str(target), kind, **web)  # type: ignore[arg-type]


# --- the landing manifest: what was landed, so an interrupted run can be finished from the store --
MANIFEST_DIR = "manifest"  # landing/manifest/<UTC date>.jsonl, one line per landed document
RECOVERY_DAYS = 7  # manifests this recent are read back on start
MANIFEST_FIELDS = (
    "document_id",
    "uri",
    "kind",
    "origin",
    "http_status",
    "content_type",
    "final_url",
    "etag",
    "last_modified",
    "sidecar",
    "sidecar_uris",
)


def record_landed(landing_dir: Path, docs: list[LandedDocument], warehouse: str) -> None:
    """Append the batch's landed documents, for the warehouse they are bound for, to today's
    manifest (one write, fsynced)."""
    if not docs:
        return
    folder = landing_dir / MANIFEST_DIR
    folder.mkdir(parents=True, exist_ok=True)
    lines = "".join(
        json.dumps(
            {k: v for k, v in asdict(d).items() if k in MANIFEST_FIELDS}
            | {"fetched_at": d.fetched_at.isoformat(), "warehouse": warehouse},
            ensure_ascii=False,
        )
        + "\n"
        for d in docs
    )
    path = folder / f"{datetime.now(UTC):%Y-%m-%d}.jsonl"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(lines)
        handle.flush()
        os.fsync(handle.fileno())


def _settled_path(landing_dir: Path, warehouse: str) -> Path:
    digest = hashlib.sha256(warehouse.encode("utf-8")).hexdigest()[:16]
    return landing_dir / MANIFEST_DIR / f".settled-{digest}.json"


def settle_landed(landing_dir: Path, warehouse: str, last_load_id: str | None) -> None:
    """Mark every manifest line written so far as recorded in `warehouse`: called at the end of a run
    that loaded every batch it landed (the writer lock held: no other run lands for this warehouse
    meanwhile). Recovery then reads only the lines after the mark (`landed_entries(..., after=...)`),
    not every line of the last RECOVERY_DAYS days: at 0.4 M documents a day those are 2.8 M lines read
    and looked up at the start of every run. The mark is each recent manifest's size and the warehouse's
    latest load then, written atomically; it holds only while that load is still the latest (a run
    stopped after loading a batch, a warehouse file restored or replaced: the manifests are read whole)."""
    folder = landing_dir / MANIFEST_DIR
    if not folder.is_dir():
        return
    since = f"{datetime.now(UTC) - timedelta(days=RECOVERY_DAYS):%Y-%m-%d}"
    sizes = {path.name: path.stat().st_size for path in sorted(folder.glob("*.jsonl")) if path.stem >= since}
    target = _settled_path(landing_dir, warehouse)
    temp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    mark = {"warehouse": warehouse, "last_load_id": last_load_id, "sizes": sizes}
    temp.write_text(json.dumps(mark), encoding="utf-8")
    os.replace(temp, target)


@dataclass(frozen=True)
class SettledMark:
    last_load_id: str | None  # the warehouse's latest load when the mark was made
    sizes: dict[str, int]  # manifest file name -> bytes recorded by then


def settled_mark(landing_dir: Path, warehouse: str) -> SettledMark | None:
    """The mark `settle_landed` left for `warehouse` (None: none, or unreadable)."""
    try:
        mark = json.loads(_settled_path(landing_dir, warehouse).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(mark, dict) or mark.get("warehouse") != warehouse or not isinstance(mark.get("sizes"), dict):
        return None
    sizes = {name: size for name, size in mark["sizes"].items() if isinstance(size, int) and size >= 0}
    return SettledMark(mark.get("last_load_id"), sizes)


def landed_entries(
    landing_dir: Path, warehouse: str, days: int | None = RECOVERY_DAYS, *, after: dict[str, int] | None = None
) -> list[dict]:
    """The manifest lines of the last `days` days (None: all of them) for this warehouse (a landing
    store may serve several), oldest first; a line cut short by a crash is skipped. `after`: only the
    lines past these sizes (a `SettledMark`'s); a manifest shorter than its size (edited) is read whole."""
    folder = landing_dir / MANIFEST_DIR
    if not folder.is_dir():
        return []
    since = "" if days is None else f"{datetime.now(UTC) - timedelta(days=days):%Y-%m-%d}"
    marks = after or {}
    entries = []
    for path in sorted(folder.glob("*.jsonl")):
        if path.stem < since:
            continue
        with path.open("rb") as handle:
            mark = marks.get(path.name, 0)
            handle.seek(mark if mark <= os.fstat(handle.fileno()).st_size else 0)
            text = handle.read().decode("utf-8", errors="replace")
        for line in text.splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if entry.get("warehouse") == warehouse:
                entries.append(entry)
    return entries


def _recorded_sidecar(values: dict | None) -> Sidecar | None:
    """The metadata a manifest line recorded (checked when it was given; None if it no longer checks)."""
    if not values:
        return None
    try:
        return sidecar_from({k: v for k, v in values.items() if v not in (None, [], ())})
    except BadSidecar:
        return None


def recover_landed(landing_dir: Path, entries: list[dict], known: set[str]) -> list[LandedDocument]:
    """Documents landed but never recorded in the warehouse (a run stopped in between), read back
    from the landing store; one per document id, the latest manifest line winning."""
    latest: dict[str, dict] = {}
    for entry in entries:
        if entry.get("document_id") not in known:
            latest[entry["document_id"]] = entry
    recovered = []
    for document_id, entry in latest.items():
        path = landing_path_for(landing_dir, document_id)
        if not path.is_file():
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != document_id:  # never trust a damaged file
            continue
        fields: dict[str, Any] = {k: entry.get(k) for k in MANIFEST_FIELDS if k not in ("document_id", "uri", "kind")}
        fields["sidecar"] = _recorded_sidecar(entry.get("sidecar"))
        fields["sidecar_uris"] = tuple(entry.get("sidecar_uris") or ())
        recovered.append(
            LandedDocument(
                document_id,
                entry["uri"],
                data,
                datetime.fromisoformat(entry["fetched_at"]),
                str(path),
                entry["kind"],
                **fields,
            )
        )
    return recovered
