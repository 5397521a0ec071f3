"""Discover and acquire: the run's inputs, found and landed batch by batch.

`discover` lists files (and the files manifests list), `expand` turns URLs, URL lists, feeds and
sitemaps into article URLs; `acquired` yields the batches the engine runs: documents an
interrupted run landed but did not load, then files, then fetched URLs, then WARC records;
`recorded` writes each batch to the landing manifest before it is parsed. `replayed` yields the batches of a
rebuild: the landing manifest read back from the store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.engine import Acquired
from flows.fetching import Fetcher, FetchPolicy
from flows.inputs import (
    InputFile,
    discover_files,
    land_files,
    landed_entries,
    read_manifests,
    record_landed,
    recover_landed,
    settled_mark,
)
from flows.settings import Settings
from flows.web_sources import Expansion, FetchedBatch, expand_sources, fetch_pages, read_url_list, warc_batches
from transforms import reasons
from transforms.documents.outcomes import LandedDocument
from transforms.frames.ledger import Reject
from warehouse import Warehouse


@task(name="discover", cache_policy=NO_CACHE)
def discover(paths: list[str], manifests: list[str]) -> tuple[list[InputFile], list[Reject]]:
    """Paths -> input files, with their sidecars; the files manifest CSVs list are inputs too."""
    listed, manifest_files, manifest_rejects = read_manifests(manifests)
    files, rejects = discover_files(paths + manifest_files, listed)
    return files, manifest_rejects + rejects


@task(name="expand", cache_policy=NO_CACHE)
def expand(
    urls: list[str],
    url_files: list[str],
    feeds: list[str],
    sitemaps: list[str],
    fetcher: Fetcher | None,
    settings: Settings,
) -> Expansion:
    """URL arguments and URL-list files, feed entries and sitemap pages -> canonical article URLs."""
    assert fetcher is not None, "web inputs need a fetcher"
    listed = list(urls)
    missing: list[Reject] = []
    for name in url_files:
        path = Path(name).expanduser()
        if path.is_file():
            listed += read_url_list(path)
        else:
            missing.append(Reject(path.absolute().as_uri(), "discover", reasons.NOT_FOUND, f"no such URL list: {name}"))
    expansion = expand_sources(fetcher, listed, feeds, sitemaps, settings.max_fetch_bytes)
    expansion.rejects[:0] = missing
    return expansion


@task(name="fetch", cache_policy=NO_CACHE)
def fetch(
    urls: list[str], validators: dict[str, tuple[str | None, str | None]], fetcher: Fetcher | None, settings: Settings
) -> FetchedBatch:
    """Fetch a batch of URLs politely; every body lands before anything parses it."""
    assert fetcher is not None, "web inputs need a fetcher"
    return fetch_pages(fetcher, urls, validators, settings.landing_dir)


def recover(wh: Warehouse, settings: Settings) -> list[LandedDocument]:
    """Open-and-verify: documents in the landing manifest (last days) that the warehouse never
    recorded — a run stopped between landing and loading — are read back from the store; only the
    manifest lines since the last run that recorded all it landed (`settle_landed`). A plain call,
    as `land` is, not a Prefect task run (about 60 ms of the flow's and the API server's time each: an
    unchanged re-run was mostly task runs; BENCHMARKS.md, Scale, eighth round)."""
    mark = settled_mark(settings.landing_dir, str(settings.db_path))
    after = mark.sizes if mark is not None and mark.last_load_id == wh.last_load_id() else None  # else: whole
    entries = landed_entries(settings.landing_dir, str(settings.db_path), after=after)
    known = set(wh.known_documents(sorted({e["document_id"] for e in entries if "document_id" in e})))
    recovered = recover_landed(settings.landing_dir, entries, known)
    if recovered:
        get_run_logger().warning("recovering %d documents landed by an interrupted run", len(recovered))
    return recovered


def land(files: list[InputFile], settings: Settings) -> tuple[list[LandedDocument], list[Reject]]:
    return land_files(files, settings.landing_dir, settings.max_bytes)


def fetch_policy(settings: Settings) -> FetchPolicy:
    """How to fetch, from the settings (the connect and read limits stay within the whole-response one)."""
    defaults = FetchPolicy()
    policy = FetchPolicy(
        max_bytes=settings.max_fetch_bytes,
        host_delay=settings.host_delay,
        allow_private=settings.allow_private_hosts,
        allowed_networks=settings.allowed_networks,
        total_timeout=settings.fetch_timeout,
        connect_timeout=min(defaults.connect_timeout, settings.fetch_timeout),
        read_timeout=min(defaults.read_timeout, settings.fetch_timeout),
    )
    return replace(policy, user_agent=settings.user_agent) if settings.user_agent else policy


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def acquired(
    settings: Settings,
    wh: Warehouse,
    files: list[InputFile],
    urls: list[str],
    warcs: list[Path],
    fetcher: Fetcher | None,
) -> Iterator[Acquired]:
    """The run's inputs batch by batch: documents an interrupted run landed but did not load,
    then files, then fetched URLs, then WARC records."""
    recovered = recover(wh, settings)
    for chunk in _chunks(recovered, settings.batch_size):
        yield Acquired(chunk, [], len(chunk))
    yield from not_recovered_again(_inputs(settings, wh, files, urls, warcs, fetcher), recovered)


def _inputs(
    settings: Settings,
    wh: Warehouse,
    files: list[InputFile],
    urls: list[str],
    warcs: list[Path],
    fetcher: Fetcher | None,
) -> Iterator[Acquired]:
    for batch in _chunks(files, settings.batch_size):
        landed, rejects = land(batch, settings)
        # a bad sidecar is an input of its own that ended rejected (so the batch's counts add up)
        yield Acquired(landed, rejects, len(batch) + sum(r.reason == reasons.BAD_SIDECAR for r in rejects))
    for chunk in _chunks(urls, settings.batch_size):
        fetched = fetch(chunk, wh.fetch_validators(chunk), fetcher, settings)
        yield Acquired(fetched.landed, fetched.rejects, len(chunk), fetched.fetches)
    for landed, rejects in warc_batches(warcs, settings.landing_dir, settings.max_fetch_bytes, settings.batch_size):
        yield Acquired(landed, rejects, len(landed) + len(rejects))


def not_recovered_again(batches: Iterator[Acquired], recovered: list[LandedDocument]) -> Iterator[Acquired]:
    """The batches without the documents this run already loaded as recovered ones: an input an
    interrupted run landed, read again by this run (the same bytes at the same URI), is one input,
    counted once, in its recovery batch; the second sighting is neither parsed nor counted again.
    A batch left with nothing (no document, reject or fetch outcome) is not yielded."""
    again = {(doc.document_id, doc.uri) for doc in recovered}
    for batch in batches:
        if again:
            kept = [doc for doc in batch.landed if (doc.document_id, doc.uri) not in again]
            batch = replace(batch, landed=kept, n_inputs=batch.n_inputs - (len(batch.landed) - len(kept)))
        if batch.landed or batch.rejects or batch.fetches or batch.n_inputs:
            yield batch


def replayed(landing_dir: Path, entries: list[dict], batch_size: int) -> Iterator[Acquired]:
    """A rebuild's batches: the manifest's documents in landing order, once per (document, URI),
    read back from the store and checked against their hash; a missing or damaged landing file
    is an `unreadable` reject. Repeats are left out: the first one loaded them, a repeat would
    be `unchanged`. Two versions of one URI never share a batch (a batch loads one version per
    article)."""
    seen: set[tuple[str, str]] = set()
    landed: list[LandedDocument] = []
    rejects: list[Reject] = []
    for entry in entries:
        key = (entry.get("document_id", ""), entry.get("uri", ""))
        if key in seen or not all(key):
            continue
        seen.add(key)
        if any(doc.uri == key[1] for doc in landed):  # an edited input: its next version goes in the next batch
            yield Acquired(landed, rejects, len(landed) + len(rejects))
            landed, rejects = [], []
        docs = recover_landed(landing_dir, [entry], known=set())
        landed += docs
        if not docs:
            rejects.append(
                Reject(
                    key[1],
                    "land",
                    reasons.UNREADABLE,
                    f"landing file {key[0]} is missing or no longer matches its hash",
                )
            )
        if len(landed) + len(rejects) >= batch_size:
            yield Acquired(landed, rejects, len(landed) + len(rejects))
            landed, rejects = [], []
    if landed or rejects:
        yield Acquired(landed, rejects, len(landed) + len(rejects))


def recorded(batches: Iterator[Acquired], landing_dir: Path, warehouse: Path) -> Iterator[Acquired]:
    """The batches, each written to the landing manifest of `warehouse` as it passes: before it
    is parsed, so that a run stopped later recovers it and a rebuild replays it."""
    for batch in batches:
        record_landed(landing_dir, batch.landed, str(warehouse))
        yield batch
