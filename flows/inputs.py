"""Discover and land: expand paths into input files, keep their raw bytes in the landing store."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from flows.settings import INPUT_KINDS, input_kind
from transforms import reasons
from transforms.batch_frames import Reject

DEFAULT_KIND = "text"  # a file named directly, with no known ending, is read as plain text


@dataclass(frozen=True)
class InputFile:
    path: Path
    uri: str
    kind: str  # text | html


@dataclass(frozen=True)
class LandedDocument:
    document_id: str
    uri: str
    data: bytes            # as read and landed: still gzip-compressed when the input was
    fetched_at: datetime
    landing_path: str
    kind: str
    origin: str = "file"             # file | http | warc
    http_status: int | None = None
    content_type: str | None = None  # the Content-Type the server (or WARC record) gave: its charset counts
    final_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def _uri(path: Path) -> str:
    """The file's URI: absolute, with "." and ".." segments resolved lexically (links are kept)."""
    return Path(os.path.normpath(path.absolute())).as_uri()


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def discover_files(paths: list[str]) -> tuple[list[InputFile], list[Reject]]:
    """Files named directly are inputs whatever their extension (read as text unless the name
    says HTML); folders are walked recursively for files with a known ending (`INPUT_KINDS`,
    optionally gzipped), other files there are rejected as unsupported."""
    found: dict[Path, InputFile] = {}
    rejects: list[Reject] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if _hidden(child, path):
                    continue
                if child.is_dir():
                    if child.is_symlink():  # rglob does not descend into it: say so rather than skip it
                        rejects.append(Reject(_uri(child), "discover", reasons.UNSUPPORTED_TYPE,
                                              "a symlink to a folder is not followed; name the folder itself"))
                    continue
                kind = input_kind(child.name)
                if kind:
                    found.setdefault(child.absolute(), InputFile(child, _uri(child), kind))
                else:
                    rejects.append(Reject(_uri(child), "discover", reasons.UNSUPPORTED_TYPE,
                                          f"extension {child.suffix or '(none)'!r} is not one of {sorted(INPUT_KINDS)}"
                                          " (optionally .gz)"))
        elif path.exists() or path.is_symlink():
            found.setdefault(path.absolute(), InputFile(path, _uri(path), input_kind(path.name) or DEFAULT_KIND))
        else:
            rejects.append(Reject(_uri(path), "discover", reasons.NOT_FOUND, f"no such file or folder: {raw}"))
    return list(found.values()), rejects


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


def land_files(files: list[InputFile], landing_dir: Path, max_bytes: int) -> tuple[list[LandedDocument], list[Reject]]:
    """Read each file once and keep its bytes, content-addressed, before anything parses them."""
    landed: list[LandedDocument] = []
    rejects: list[Reject] = []
    for item in files:
        try:
            info = item.path.stat()
            if not stat.S_ISREG(info.st_mode):  # a pipe, a device, a socket: never read (it may not end)
                rejects.append(Reject(item.uri, "land", reasons.UNSUPPORTED_TYPE, "not a regular file"))
                continue
            if info.st_size > max_bytes:
                rejects.append(Reject(item.uri, "land", reasons.TOO_LARGE, f"{info.st_size} bytes > cap of {max_bytes}"))
                continue
            with item.path.open("rb") as handle:
                data = handle.read(max_bytes + 1)  # a file growing after stat() is still capped
            if len(data) > max_bytes:
                rejects.append(Reject(item.uri, "land", reasons.TOO_LARGE, f"grew past the cap of {max_bytes} bytes"))
                continue
        except OSError as exc:
            rejects.append(Reject(item.uri, "land", reasons.UNREADABLE, f"{type(exc).__name__}: {exc.strerror or exc}"))
            continue
        landed.append(land_bytes(item.uri, data, landing_dir, kind=item.kind))
    return landed, rejects


def land_bytes(uri: str, data: bytes, landing_dir: Path, *, kind: str, fetched_at: datetime | None = None,
               **web: object) -> LandedDocument:
    """Keep one input's bytes in the landing store (content-addressed, written atomically) and
    describe it. `web`: origin, http_status, content_type, final_url, etag, last_modified."""
    document_id = hashlib.sha256(data).hexdigest()
    target = landing_path_for(landing_dir, document_id)
    if not target.exists():
        _write_atomically(target, data)
    return LandedDocument(document_id, uri, data, fetched_at or datetime.now(timezone.utc), str(target), kind,
                          **web)  # type: ignore[arg-type]


# --- the landing manifest: what was landed, so an interrupted run can be finished from the store --
MANIFEST_DIR = "manifest"      # landing/manifest/<UTC date>.jsonl, one line per landed document
RECOVERY_DAYS = 7              # manifests this recent are read back on start
MANIFEST_FIELDS = ("document_id", "uri", "kind", "origin", "http_status", "content_type", "final_url", "etag",
                   "last_modified")


def record_landed(landing_dir: Path, docs: list[LandedDocument], warehouse: str) -> None:
    """Append the batch's landed documents, for the warehouse they are bound for, to today's
    manifest (one write, fsynced)."""
    if not docs:
        return
    folder = landing_dir / MANIFEST_DIR
    folder.mkdir(parents=True, exist_ok=True)
    lines = "".join(
        json.dumps({k: v for k, v in asdict(d).items() if k in MANIFEST_FIELDS}
                   | {"fetched_at": d.fetched_at.isoformat(), "warehouse": warehouse}, ensure_ascii=False) + "\n"
        for d in docs
    )
    path = folder / f"{datetime.now(timezone.utc):%Y-%m-%d}.jsonl"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(lines)
        handle.flush()
        os.fsync(handle.fileno())


def landed_entries(landing_dir: Path, warehouse: str, days: int = RECOVERY_DAYS) -> list[dict]:
    """The manifest lines of the last `days` days for this warehouse (a landing store may serve
    several); a line cut short by a crash is skipped."""
    folder = landing_dir / MANIFEST_DIR
    if not folder.is_dir():
        return []
    since = f"{datetime.now(timezone.utc) - timedelta(days=days):%Y-%m-%d}"
    entries = []
    for path in sorted(folder.glob("*.jsonl")):
        if path.stem < since:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if entry.get("warehouse") == warehouse:
                entries.append(entry)
    return entries


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
        fields = {k: entry.get(k) for k in MANIFEST_FIELDS if k not in ("document_id", "uri", "kind")}
        recovered.append(LandedDocument(document_id, entry["uri"], data, datetime.fromisoformat(entry["fetched_at"]),
                                        str(path), entry["kind"], **fields))
    return recovered
