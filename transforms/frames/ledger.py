"""Ledger records of a batch (documents seen, inputs rejected) -> Polars frames for the load."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

import polars as pl

from transforms.frames.schemas import DOCUMENTS, FETCH_STATE, REJECTS


@dataclass(frozen=True)
class DocumentRecord:
    document_id: str
    uri: str
    kind: str
    fetched_at: datetime
    encoding: str | None
    n_bytes: int
    landing_path: str
    status: str  # loaded | rejected (the load turns 'loaded' into 'unchanged' when the body is)
    origin: str = "file"  # file | http | warc
    http_status: int | None = None  # web inputs: what the server (or the WARC record) said
    content_type: str | None = None
    final_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sidecar_uris: tuple[str, ...] = ()  # file inputs: the sidecar file and/or manifest row applied


@dataclass(frozen=True)
class Reject:
    uri: str
    stage: str
    reason: str
    detail: str = ""
    document_id: str | None = None


def reject_id_for(reject: Reject) -> str:
    """The same input failing the same way again is the same reject (it is counted, not repeated)."""
    key = "\x1f".join([reject.uri, reject.document_id or "", reject.stage, reject.reason])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def documents_frame(records: list[DocumentRecord]) -> pl.DataFrame:
    rows = [
        {
            "document_id": r.document_id,
            "uri": r.uri,
            "kind": r.kind,
            "fetched_at": r.fetched_at,
            "encoding": r.encoding,
            "n_bytes": r.n_bytes,
            "landing_path": r.landing_path,
            "status": r.status,
            "origin": r.origin,
            "http_status": r.http_status,
            "content_type": r.content_type,
            "final_url": r.final_url,
            "etag": r.etag,
            "last_modified": r.last_modified,
            "sidecar_uris": list(r.sidecar_uris),
        }
        for r in records
    ]
    return pl.DataFrame(rows, schema=DOCUMENTS, orient="row").unique("document_id", keep="first", maintain_order=True)


def rejects_frame(rejects: list[Reject]) -> pl.DataFrame:
    rows = [
        {
            "reject_id": reject_id_for(r),
            "uri": r.uri,
            "document_id": r.document_id,
            "stage": r.stage,
            "reason": r.reason,
            "detail": r.detail,
        }
        for r in rejects
    ]
    return pl.DataFrame(rows, schema=REJECTS, orient="row")


@dataclass(frozen=True)
class FetchRecord:
    """The outcome of fetching one canonical URL, for the per-URL fetch state."""

    url: str
    etag: str | None
    last_modified: str | None
    last_status: int | None
    last_reason: str | None
    last_fetched_at: datetime


def fetches_frame(records: list[FetchRecord]) -> pl.DataFrame:
    """One row per URL (the last record wins when a URL was fetched twice in a batch)."""
    rows = [r.__dict__ for r in records]
    return pl.DataFrame(rows, schema=FETCH_STATE, orient="row").unique("url", keep="last", maintain_order=True)
