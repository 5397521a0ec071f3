"""The one place that talks to DuckDB: connect, migrate, load a batch, run checks.

SQL lives in `sql/`; this module reads it and binds parameters. One `Warehouse` is one
connection; DuckDB allows a single writer process per file.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import polars as pl

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
DEFAULT_DB_PATH = Path(__file__).resolve().parent / "news.duckdb"
MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
SEVERITY = re.compile(r"^--\s*severity:\s*(error|warn)\s*$", re.MULTILINE)
CHECK_SCOPE = re.compile(r"^--\s*scope:\s*(run|ledger|warehouse)\b", re.MULTILINE)
# DuckDB's own memory in the writing process, the default of the writer_memory setting (DuckDB's own
# default is 80 % of the machine's RAM, which its buffer cache fills while publishing copies the file:
# 1.5 GB for a 30 k-article warehouse, most of the 5 GB at 100 k). From issue 20's 2 GB budget for the
# whole ingest: two page workers (about 0.85 GB with the forkserver) and Prefect's temporary server
# (about 0.2 GB) leave the writer about 1 GB, of which its Python objects take 0.7-0.8. At 1 M articles
# 256 MB ran no slower than 512 MB in one pair of runs (38.6 against 39.4 s; BENCHMARKS.md, Scale,
# seventh round) and kept the writer's peak 200 MB lower; larger joins and sorts spill to disk beside the
# file, and a whole-file publish copy has its own limit (snapshot.COPY_MEMORY_LIMIT).
WRITER_MEMORY_LIMIT = "256MB"


DatabaseError = duckdb.Error  # DuckDB's errors, for the warehouse's modules that do not import duckdb (publishing)


class WarehouseError(RuntimeError):
    """The warehouse cannot be opened or is not in a state we can load into."""


@dataclass(frozen=True)
class LoadBatch:
    """One batch's rows, as Polars frames, and its ledger facts."""

    load_id: str
    run_id: str | None
    batch_index: int
    started_at: datetime
    n_inputs: int  # every input of the batch: loaded + unchanged + rejected
    pipeline_version: str
    documents: pl.DataFrame
    articles: pl.DataFrame
    blocks: pl.DataFrame
    removed_spans: pl.DataFrame
    rejects: pl.DataFrame
    fetches: pl.DataFrame | None = None  # web inputs: one row per canonical URL fetched (fetch_state)
    analysis: AnalysisFrames | None = None  # quotes, mentions, entities, signatures, copies, stories
    date_candidates: pl.DataFrame | None = None  # every date found per article, where from, chosen or dropped
    article_dates: pl.DataFrame | None = None  # relative date phrases of each body


@dataclass(frozen=True)
class AnalysisFrames:
    """A batch's enrichment, loaded with its articles: rows only for articles that made a new version."""

    # columns: see sql/migrations/005_analysis.sql; document_id and load_id are added at load time
    quotes: pl.DataFrame  # article_id, quote_index, quote_text, speaker, speaker_entity_id, verb, ...
    mentions: pl.DataFrame  # article_id, mention_index, entity_id, kind, mention_text, field, role, ...
    entities: pl.DataFrame  # entity_id, entity_name, kind, aliases (new or changed entities)
    signatures: pl.DataFrame  # article_id, signature, band_keys
    near_duplicates: pl.DataFrame  # article_id, duplicate_of_article_id, similarity, duplicate_group_id
    # article_id, event_at, is_dated, language, entity_ids, terms, story_id, link_group_id, similarity,
    # is_opener: the new versions and every stored article of the link groups re-clustered with them
    story_articles: pl.DataFrame
    # entity_id, kind, exact_key, block, n_words, match_len, last_part, n_blocks: the name keys of
    # `entities` (sql/migrations/011_entity_name_keys.sql); None: none given, none written
    entity_name_keys: pl.DataFrame | None = None

    def is_empty(self) -> bool:
        """No row in any frame (an unchanged batch's analysis)."""
        return all(frame.is_empty() for frame in self.frames().values())

    def frames(self) -> dict[str, pl.DataFrame]:
        frames = {f"batch_{name}": getattr(self, name) for name in ANALYSIS_TABLES}
        if self.entity_name_keys is not None:
            frames["batch_entity_name_keys"] = self.entity_name_keys
        return frames


DATE_TABLES = ("date_candidates", "article_dates")  # loaded like removed_spans: rows of new versions only
# load order: entities before the mentions naming them; stories last, from story_articles
ANALYSIS_TABLES = ("entities", "mentions", "quotes", "signatures", "near_duplicates", "story_articles")
ANALYSIS_LOADS = (
    "entities",
    "mentions",
    "quotes",
    "article_signatures",
    "signature_bands",
    "near_duplicates",
    "story_articles",
    "story_article_entities",
    "stories",
)


@dataclass(frozen=True)
class LoadCounts:
    load_id: str
    n_loaded: int
    n_unchanged: int
    n_rejected: int
    n_rejected_again: int = 0  # of n_rejected: the same reject already in rejects (not new data)

    @property
    def changed_data(self) -> bool:
        """Whether the load wrote data: an article version, or a reject not seen before."""
        return self.n_loaded > 0 or self.n_rejected > self.n_rejected_again


@dataclass(frozen=True)
class CheckResult:
    name: str
    severity: str
    n_failing: int
    sample: list[dict]
    # what it covered (sql/migrations/014_check_scope.sql): run | ledger | warehouse | skipped
    scope: str = "warehouse"

    @property
    def passed(self) -> bool:
        return self.n_failing == 0


def sql_text(relative: str) -> str:
    return (SQL_DIR / relative).read_text(encoding="utf-8")


PARAMETER = re.compile(r"\$([a-z_]+)")
VARIABLE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def analysis_queries() -> dict[str, str]:
    """The example questions of sql/analysis/: file name (without .sql) -> the question its
    heading comment asks."""
    questions = {}
    for path in sorted((SQL_DIR / "analysis").glob("*.sql")):
        heading = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("--"):
                break
            heading.append(line.removeprefix("--").strip())
        questions[path.stem] = " ".join(heading)
    return questions


# the loads of rows keyed by a new version's document (document_id, index): a stored row can share the
# key only when the document was loaded before (sql/read/new_versions_seen_before.sql)
VERSION_ROW_LOADS = frozenset(
    {"article_blocks", "removed_spans", "date_candidates", "article_dates", "mentions", "quotes", "article_signatures"}
)
NO_CONFLICT = "\non conflict do nothing;"


def _version_rows_sql(name: str, unique: bool) -> str:
    """The load statement of table `name`. For the rows of new versions whose documents were never
    loaded (`unique`) without its `on conflict do nothing`: no stored row can have their keys, and
    DuckDB checks conflicts one key at a time through the primary-key index (about 0.35 s for 4,000
    rows into a table of 20 M, against 0.01 s for the plain insert, which still enforces the key)."""
    sql = sql_text(f"load/{name}.sql")
    if unique and name in VERSION_ROW_LOADS:
        if not sql.rstrip().endswith(NO_CONFLICT.strip()):
            raise ValueError(f"load/{name}.sql: expected to end with `{NO_CONFLICT.strip()}`")
        return sql.rstrip()[: -len(NO_CONFLICT.strip())].rstrip() + ";"
    return sql


def _execute(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object]) -> None:
    """Run a file's SQL with the named parameters it uses (DuckDB refuses unused ones), statement by
    statement when several use parameters (DuckDB binds them only in a script's last statement)."""
    used = set(PARAMETER.findall(sql))
    if used and sql.count(";") > 1:
        for statement in con.extract_statements(sql):
            con.execute(statement, {k: v for k, v in params.items() if k in statement.named_parameters})
        return
    con.execute(sql, {k: v for k, v in params.items() if k in used})


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Warehouse:
    """A connection to the warehouse file, migrated on open."""

    def __init__(
        self,
        db_path: str | Path = DEFAULT_DB_PATH,
        *,
        read_only: bool = False,
        memory_limit: str | None = WRITER_MEMORY_LIMIT,
    ) -> None:
        self.path = Path(db_path)
        self.memory_limit = memory_limit  # DuckDB's setting; None: DuckDB's default (snapshot.py restores it)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            if holder := re.search(r"Conflicting lock is held in .*?\(PID (\d+)\)", str(exc)):
                raise WarehouseError(
                    f"cannot open warehouse {self.path}: another process (PID {holder.group(1)}) has it open; "
                    "close it (BI tools and notebooks should read the published snapshot) and run again"
                ) from exc
            raise WarehouseError(f"cannot open warehouse {self.path}: {exc}") from exc
        if not read_only:
            try:
                if memory_limit:
                    self.con.execute(f"set memory_limit = '{memory_limit}'")
                self.migrate()
                self.apply_views()
            except BaseException:  # e.g. a full disk: do not leave a half-open connection behind
                self.con.close()
                raise

    # --- context manager -------------------------------------------------------------------------
    def __enter__(self) -> Warehouse:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # --- schema ----------------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply the migrations of sql/migrations/ not yet applied, in order; return their names."""
        self.con.execute(sql_text("schema_migrations.sql"))
        applied = dict(self.con.execute("select version, checksum from schema_migrations").fetchall())
        done: list[str] = []
        for path in sorted((SQL_DIR / "migrations").glob("*.sql")):
            match = MIGRATION_NAME.match(path.name)
            if not match:
                raise WarehouseError(f"migration file name not of the form NNN_name.sql: {path.name}")
            version, text = int(match.group(1)), path.read_text(encoding="utf-8")
            if version in applied:
                if applied[version] != _checksum(text):
                    raise WarehouseError(f"migration {path.name} changed after it was applied; add a new one instead")
                continue
            self.con.begin()
            try:
                self.con.execute(text)
                self.con.execute(
                    "insert into schema_migrations (version, name, checksum) values (?, ?, ?)",
                    [version, path.name, _checksum(text)],
                )
                self.con.commit()
            except Exception:
                self.con.rollback()
                raise
            done.append(path.name)
        return done

    def apply_views(self) -> None:
        for path in sorted((SQL_DIR / "views").glob("*.sql")):
            self.con.execute(path.read_text(encoding="utf-8"))

    def scalar(self, sql: str, params: dict[str, Any] | list[Any] | None = None) -> Any:  # noqa: ANN401
        """The one value a query returns."""
        row = self.con.execute(sql, params).fetchone()
        assert row is not None, sql
        return row[0]

    def schema_version(self) -> int:
        return self.scalar("select coalesce(max(version), 0) from schema_migrations")

    # --- reads -----------------------------------------------------------------------------------
    def fetch_validators(self, urls: list[str]) -> dict[str, tuple[str | None, str | None]]:
        """canonical URL -> (etag, last_modified) from its last good fetch, for URLs fetched before."""
        if not urls:
            return {}
        wanted = pl.DataFrame({"url": urls}, schema={"url": pl.String})
        cursor = self.con.cursor()
        cursor.register("wanted_urls", wanted)
        rows = cursor.execute(
            "select url, etag, last_modified from fetch_state semi join wanted_urls using (url) "
            "where etag is not null or last_modified is not null"
        ).fetchall()
        cursor.unregister("wanted_urls")
        return {url: (etag, modified) for url, etag, modified in rows}

    def known_documents(self, document_ids: list[str]) -> dict[str, str]:
        """document_id -> status for the ids the warehouse already holds."""
        if not document_ids:
            return {}
        ids = pl.DataFrame({"document_id": document_ids}, schema={"document_id": pl.String})
        cursor = self.con.cursor()
        cursor.register("wanted_ids", ids)
        rows = cursor.execute(
            "select document_id, status from documents semi join wanted_ids using (document_id)"
        ).fetchall()
        cursor.unregister("wanted_ids")
        return dict(rows)

    def _with_frame(self, name: str, frame: pl.DataFrame, sql: str, params: dict | None = None) -> pl.DataFrame:
        """Run a read that joins a batch frame, registered under `name` on a cursor of its own."""
        cursor = self.con.cursor()
        try:
            cursor.register(name, frame)
            return cursor.sql(sql, params=params).pl()
        finally:
            cursor.close()

    def changed_articles(self, articles: pl.DataFrame) -> pl.DataFrame:
        """The batch's articles that would make a new version (new, or with another body), by id."""
        batch = articles.unique("article_id", keep="last", maintain_order=True)
        return self._with_frame(
            "batch_articles",
            batch,
            sql_text("read/changed_articles.sql"),
            {"batch_article_ids": batch["article_id"].to_list()},
        )

    def snapshot_is_current(self, path: Path, export_parquet: bool) -> bool:
        """Whether the snapshot at `path` already holds every data change (see the SQL file)."""
        params = {"path": str(path), "export_parquet": export_parquet}
        return bool(self.scalar(sql_text("read/snapshot_is_current.sql"), params))

    def last_load_id(self) -> str | None:
        """The latest load's id (None: no load yet)."""
        rows = self.con.execute(sql_text("read/last_load_id.sql")).fetchall()
        return rows[0][0] if rows else None

    def known_entities(self, limit: int | None = None) -> pl.DataFrame:
        """Every entity (or the first `limit`): entity_id, entity_name, kind, aliases."""
        bound = "" if limit is None else f" limit {int(limit)}"
        return self.con.sql(
            "select entity_id, entity_name, kind, aliases from entities order by entity_id" + bound
        ).pl()

    def entity_block_names(self, wanted_names: pl.DataFrame, bounds: dict[str, float]) -> pl.DataFrame:
        """The names of the batch's fuzzy blocks of a length the batch's names allow (see
        sql/read/entity_block_names.sql): kind, block, match_key, each once. `wanted_names`: kind,
        exact_key, block, n_words, match_len, last_part, is_fuzzy; `bounds`: similarity and min_length."""
        cursor = self.con.cursor()
        try:
            cursor.register("wanted_names", wanted_names)
            return cursor.sql(sql_text("read/entity_block_names.sql"), params=bounds).pl()
        finally:
            cursor.close()

    def entities_by_name_keys(
        self, wanted_names: pl.DataFrame, close_names: pl.DataFrame, wanted_ids: list[str]
    ) -> pl.DataFrame:
        """The known entities a batch's names can resolve to (see sql/read/entities_by_name_keys.sql):
        entity_id, entity_name, kind, aliases, by entity_id. `wanted_names` as for entity_block_names;
        `close_names`: kind, block, match_key, the block names the batch's names come close to."""
        cursor = self.con.cursor()
        try:
            cursor.register("wanted_names", wanted_names)
            cursor.register("close_names", close_names)
            cursor.register("wanted_ids", pl.DataFrame({"entity_id": wanted_ids}, schema={"entity_id": pl.String}))
            return cursor.sql(sql_text("read/entities_by_name_keys.sql")).pl()
        finally:
            cursor.close()

    def backfill_pending(self, name: str) -> bool:
        """Whether the derived table `name` still waits for its rows (pending_backfills)."""
        # fetchall, not scalar: a result left open would block the next register on this connection
        return bool(self.con.execute("select 1 from pending_backfills where name = ?", [name]).fetchall())

    def backfill_entity_name_keys(self, keys: pl.DataFrame) -> None:
        """Write the name keys of every entity (what migration 011 could not compute) and clear the
        pending mark, in one transaction."""
        self.con.register("batch_entity_name_keys", keys)
        self.con.begin()
        try:
            self.con.execute("delete from entity_name_keys")
            _execute(self.con, sql_text("load/entity_name_keys.sql"), {"load_id": "backfill"})
            self.con.execute("delete from pending_backfills where name = 'entity_name_keys'")
            self.con.commit()
        except Exception:
            self.con.rollback()
            raise
        finally:
            self.con.unregister("batch_entity_name_keys")

    def signatures_sharing_bands(self, band_keys: list[int]) -> pl.DataFrame:
        """Current articles with a MinHash band key among these: article_id, signature, band_keys,
        duplicate_group_id; the earliest loaded first."""
        wanted = pl.DataFrame({"band_key": sorted(set(band_keys))}, schema={"band_key": pl.UInt64})
        documents = self._with_frame("wanted_bands", wanted, sql_text("read/band_documents.sql"))
        return self._by_keys("read/signatures_of_documents.sql", documents=documents["document_id"].to_list())

    def _by_keys(self, name: str, **keys: list[str]) -> pl.DataFrame:
        """Run a read whose wide rows are picked by lists of key values (`in $name`), on a cursor of its own."""
        cursor = self.con.cursor()
        try:
            return cursor.sql(sql_text(name), params=keys).pl()
        finally:
            cursor.close()

    def story_candidates(self, features: pl.DataFrame, window: timedelta, min_shared: int) -> pl.DataFrame:
        """Stored articles within `window` of a batch article (features: article_id, event_at,
        entity_ids) sharing `min_shared` entities with it: story_id, link_group_id, article_id, event_at, is_dated,
        language, entity_ids, terms."""
        params = {"window": window, "window_us": max(1, window // timedelta(microseconds=1)), "min_shared": min_shared}
        wanted = features.select("article_id", "event_at", "entity_ids")
        return self._with_frame("batch_story_features", wanted, sql_text("read/story_candidates.sql"), params)

    def story_members(self, link_group_ids: list[str], article_ids: list[str]) -> pl.DataFrame:
        """Every stored article of these link groups and of the groups these articles are in (same
        columns as story_candidates)."""
        cursor = self.con.cursor()
        try:
            groups = pl.DataFrame({"link_group_id": link_group_ids}, schema={"link_group_id": pl.String})
            cursor.register("wanted_groups", groups)
            cursor.register(
                "wanted_articles", pl.DataFrame({"article_id": article_ids}, schema={"article_id": pl.String})
            )
            return cursor.sql(sql_text("read/story_members.sql")).pl()
        finally:
            cursor.close()

    def query(self, sql: str, params: list | dict | None = None) -> pl.DataFrame:
        return self.con.sql(sql, params=params).pl()

    # --- writes ----------------------------------------------------------------------------------
    def upsert_sources(self, sources: pl.DataFrame) -> None:
        self.con.register("batch_sources", sources)
        try:
            self.con.execute(sql_text("load/sources.sql"))
        finally:
            self.con.unregister("batch_sources")

    def load_batch(self, batch: LoadBatch) -> LoadCounts:
        """Load one batch and its ledger row in one transaction; a repeated batch adds nothing."""
        frames = {
            "batch_documents": batch.documents,
            "batch_articles": batch.articles.unique("article_id", keep="last", maintain_order=True),
            "batch_blocks": batch.blocks,
            "batch_spans": batch.removed_spans,
            "batch_rejects": batch.rejects.unique("reject_id", keep="last", maintain_order=True),
        }
        if batch.fetches is not None and batch.fetches.height:
            frames["batch_fetches"] = batch.fetches
        if batch.analysis is not None:
            frames |= batch.analysis.frames()
        dated = {name: frame for name in DATE_TABLES if (frame := getattr(batch, name)) is not None}
        frames |= {f"batch_{name}": frame for name, frame in dated.items()}
        for name, frame in frames.items():
            self.con.register(name, frame)
        loaded_at = datetime.now(UTC)
        params: dict[str, object] = {
            "load_id": batch.load_id,
            "loaded_at": loaded_at,
            # the statements that look up stored rows of the batch's ids take them as lists (new_versions.sql)
            "batch_article_ids": frames["batch_articles"]["article_id"].to_list(),
            "batch_story_article_ids": (
                batch.analysis.story_articles["article_id"].to_list() if batch.analysis is not None else []
            ),
        }
        self.con.begin()
        try:
            _execute(self.con, sql_text("load/new_versions.sql"), params)
            n_loaded = self.scalar("select count(*) from new_versions")
            # the same input rejected the same way again (its reject_id is already there): not new data
            seen = {r for (r,) in self.con.execute(sql_text("read/rejects_seen_before.sql")).fetchall()}
            n_rejected_again = batch.rejects.filter(pl.col("reject_id").is_in(list(seen))).height
            _execute(self.con, sql_text("load/outlets.sql"), params)  # the outlets found from URLs, first
            # with no new version, the statements that insert the new versions' rows have none to insert
            versions = ("article_versions", "articles", "article_blocks", "removed_spans") if n_loaded else ()
            unique = bool(n_loaded) and not self.scalar(sql_text("read/new_versions_seen_before.sql"))
            for name in ("documents", *versions, "rejects"):
                _execute(self.con, _version_rows_sql(name, unique), params)
            if "batch_fetches" in frames:
                _execute(self.con, sql_text("load/fetch_state.sql"), params)
            for name in dated if n_loaded else ():
                _execute(self.con, _version_rows_sql(name, unique), params)
            if batch.analysis is not None and (n_loaded or not batch.analysis.is_empty()):
                for name in ANALYSIS_LOADS:
                    _execute(self.con, _version_rows_sql(name, unique), params)
                if batch.analysis.entity_name_keys is not None:
                    _execute(self.con, sql_text("load/entity_name_keys.sql"), params)
                self.con.execute("drop table touched_stories")
            n_rejected = batch.rejects.height
            n_unchanged = batch.n_inputs - n_loaded - n_rejected
            _execute(
                self.con,
                sql_text("load/loads.sql"),
                params
                | {
                    "run_id": batch.run_id,
                    "batch_index": batch.batch_index,
                    "started_at": batch.started_at,
                    "n_inputs": batch.n_inputs,
                    "n_loaded": n_loaded,
                    "n_unchanged": n_unchanged,
                    "n_rejected": n_rejected,
                    "n_rejected_again": n_rejected_again,
                    "pipeline_version": batch.pipeline_version,
                },
            )
            self.con.execute("drop table new_versions")
            self.con.commit()
        except Exception:
            try:
                self.con.rollback()
            except duckdb.Error:  # DuckDB may have ended the transaction itself (e.g. disk full on commit)
                pass
            raise
        finally:
            for name in frames:
                self.con.unregister(name)
        return LoadCounts(batch.load_id, n_loaded, n_unchanged, n_rejected, n_rejected_again)

    def record_stage_counts(self, run_id: str, counts: pl.DataFrame) -> None:
        """Keep a run's counts per stage and reason (columns stage, reason, is_rejected, n_inputs)."""
        frame = counts.with_columns(pl.lit(run_id, pl.String).alias("run_id"))
        self.con.register("batch_stage_counts", frame)
        try:
            _execute(self.con, sql_text("load/run_stage_counts.sql"), {"recorded_at": datetime.now(UTC)})
        finally:
            self.con.unregister("batch_stage_counts")

    def checkpoint(self) -> None:
        self.con.execute("checkpoint")

    # --- checks ----------------------------------------------------------------------------------
    def run_analysis(self, name: str, variables: dict[str, str] | None = None) -> pl.DataFrame:
        """Run sql/analysis/<name>.sql; `variables` are set first (DuckDB `set variable`)."""
        if name not in analysis_queries():
            raise WarehouseError(f"no analysis query {name!r}; there are: {', '.join(analysis_queries())}")
        for key, value in (variables or {}).items():
            if not VARIABLE_NAME.match(key):
                raise WarehouseError(f"not a variable name: {key!r}")
            self.con.execute(f"set variable {key} = $value", {"value": value})
        return self.con.sql(sql_text(f"analysis/{name}.sql").strip().rstrip(";")).pl()

    def run_checks(
        self, sample_size: int = 5, reason_codes: Sequence[str] = (), load_ids: Sequence[str] | None = None
    ) -> list[CheckResult]:
        """Run every sql/checks/*.sql; each returns its failing rows. `reason_codes` is the reject
        vocabulary (transforms.reasons.ALL) for reject_codes_are_known; empty: reasons go unchecked.
        `load_ids`: a run's loads. A check whose header says `scope: run` then looks only at the rows
        those loads wrote (its `in_run(load_id)`), and is skipped (a result with scope 'skipped')
        when they wrote none (every input unchanged, or rejected again the same way: LoadCounts.changed_data);
        None: every row of the warehouse."""
        whole = load_ids is None
        scoped = list(load_ids or [])
        self.con.register("reason_codes", pl.DataFrame({"reason": list(reason_codes)}, schema={"reason": pl.String}))
        self.con.register("checked_loads", pl.DataFrame({"load_id": scoped}, schema={"load_id": pl.String}))
        self.con.execute("set variable checks_whole = $whole", {"whole": whole})
        self.con.execute(
            "create or replace temp macro in_run(row_load_id) as "
            "(getvariable('checks_whole') or row_load_id in (select checked_loads.load_id from checked_loads))"
        )
        unchanged = (
            not whole
            and not self.con.execute(
                "select count(*) from loads where load_id in (select load_id from checked_loads) "
                "and (n_loaded > 0 or n_rejected > n_rejected_again)"
            ).fetchall()[0][0]
        )
        results = []
        try:
            for path in sorted((SQL_DIR / "checks").glob("*.sql")):
                text = path.read_text(encoding="utf-8")
                severity = (match.group(1) if (match := SEVERITY.search(text)) else None) or "error"
                scope = (match.group(1) if (match := CHECK_SCOPE.search(text)) else None) or "warehouse"
                if scope == "run" and unchanged:
                    results.append(CheckResult(path.stem, severity, 0, [], "skipped"))
                    continue
                failing = self.con.sql(text.strip().rstrip(";")).pl()
                results.append(
                    CheckResult(
                        path.stem,
                        severity,
                        failing.height,
                        failing.head(sample_size).to_dicts(),
                        "warehouse" if whole else scope,
                    )
                )
        finally:
            self.con.unregister("reason_codes")
            self.con.unregister("checked_loads")
        return results

    def record_checks(self, results: list[CheckResult], run_id: str | None, load_ids: list[str]) -> str:
        """Keep one checks run's results in check_results; return its check_run_id."""
        check_run_id = str(uuid.uuid4())
        frame = pl.DataFrame(
            {
                "check_run_id": [check_run_id] * len(results),
                "run_id": [run_id] * len(results),
                "load_ids": [load_ids] * len(results),
                "check_name": [r.name for r in results],
                "severity": [r.severity for r in results],
                "n_failing": [r.n_failing for r in results],
                "sample": [json.dumps(r.sample, default=str, ensure_ascii=False) for r in results],
                "checked_at": [datetime.now(UTC)] * len(results),
                "scope": [r.scope for r in results],
            },
            schema={
                "check_run_id": pl.String,
                "run_id": pl.String,
                "load_ids": pl.List(pl.String),
                "check_name": pl.String,
                "severity": pl.String,
                "n_failing": pl.Int32,
                "sample": pl.String,
                "checked_at": pl.Datetime("us", "UTC"),
                "scope": pl.String,
            },
        )
        self.con.register("batch_check_results", frame)
        try:
            self.con.execute(sql_text("load/check_results.sql"))
        finally:
            self.con.unregister("batch_check_results")
        return check_run_id
