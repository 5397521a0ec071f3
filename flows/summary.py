"""The end-of-run summary: counts per outcome, per stage and reject reason, checks; as text,
markdown and table rows (both kept as Prefect artifacts, the rows also in `run_stage_counts`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import polars as pl

from transforms.frames.ledger import Reject
from warehouse import CheckResult, LoadCounts

STAGES = ("discover", "fetch", "warc", "land", "extract", "clean", "load")  # in the order inputs pass them
PASSED = "passed"  # the reason of inputs a stage passed on; load says loaded or unchanged
OUTCOMES = (PASSED, "loaded", "unchanged")  # every other reason is a reject reason


def _stage_order(key: tuple[str, str]) -> tuple[int, bool, str]:
    """Pipeline order of stages; within a stage, what passed before what was rejected."""
    stage, reason = key
    return (STAGES.index(stage) if stage in STAGES else len(STAGES), reason not in OUTCOMES, reason)


@dataclass
class RunSummary:
    db_path: str
    n_seen: int = 0
    n_loaded: int = 0
    n_unchanged: int = 0
    n_rejected: int = 0
    n_rejected_again: int = 0  # of n_rejected: the same reject as before (the same content and reason): not new data
    rejected_by_reason: Counter[str] = field(default_factory=Counter)
    by_stage: Counter[tuple[str, str]] = field(default_factory=Counter)  # (stage, reason) -> inputs
    load_ids: list[str] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    seconds: float = 0.0
    published: str | None = None  # the read-only snapshot written for BI, when the checks let it
    not_published: str | None = None  # why no snapshot was written (failed error checks, a full disk)

    def add_batch(self, counts: LoadCounts, n_inputs: int, rejects: list[Reject], passed: dict[str, int]) -> None:
        """Count one loaded batch: its load counts, its rejects (Reject rows), and how many inputs
        each stage passed on."""
        self.load_ids.append(counts.load_id)
        self.n_seen += n_inputs
        self.n_loaded += counts.n_loaded
        self.n_unchanged += counts.n_unchanged
        self.n_rejected += counts.n_rejected
        self.n_rejected_again += counts.n_rejected_again
        self.rejected_by_reason.update(r.reason for r in rejects)
        self.by_stage.update((r.stage, r.reason) for r in rejects)
        self.by_stage.update({(stage, PASSED): n for stage, n in passed.items()})
        self.by_stage.update({("load", "loaded"): counts.n_loaded, ("load", "unchanged"): counts.n_unchanged})

    def stage_rows(self) -> list[dict[str, object]]:
        """One row per stage and reason, stages in pipeline order: stage, reason, is_rejected, n_inputs."""
        return [
            {
                "stage": stage,
                "reason": reason,
                "is_rejected": reason not in OUTCOMES,
                "n_inputs": self.by_stage[stage, reason],
            }
            for stage, reason in sorted(self.by_stage, key=_stage_order)
        ]

    def stage_frame(self) -> pl.DataFrame:
        """`stage_rows` as a frame, for the run_stage_counts table."""
        schema = {"stage": pl.String, "reason": pl.String, "is_rejected": pl.Boolean, "n_inputs": pl.Int64}
        return pl.DataFrame(self.stage_rows(), schema=schema)

    @property
    def failed_checks(self) -> list[CheckResult]:
        return [c for c in self.checks if not c.passed and c.severity == "error"]

    def lines(self) -> list[str]:
        out = [
            f"warehouse   {self.db_path}",
            f"inputs seen {self.n_seen}",
            f"loaded      {self.n_loaded}",
            f"unchanged   {self.n_unchanged}",
            f"rejected    {self.n_rejected}"
            + (f" ({self.n_rejected_again} rejected again, unchanged)" if self.n_rejected_again else ""),
        ]
        out += [
            f"  {row['stage']:<9}{row['reason']:<24}{row['n_inputs']}"
            for row in self.stage_rows()
            if row["is_rejected"]
        ]
        passed = [f"{row['stage']} {row['n_inputs']}" for row in self.stage_rows() if row["reason"] == PASSED]
        if passed:
            out.append(f"passed      {', '.join(passed)}")
        failing = [c for c in self.checks if not c.passed]
        skipped = [c for c in self.checks if c.scope == "skipped"]
        ran = len(self.checks) - len(skipped)
        line = f"checks      {ran - len(failing)}/{ran} passed"
        if skipped:  # a run that wrote nothing: the checks over its loads had no rows to read
            line += f", {len(skipped)} skipped (nothing new loaded)"
        out.append(line)
        out += [f"  {c.severity.upper():<8}{c.name}: {c.n_failing} failing rows" for c in failing]
        out.append(f"batches     {len(self.load_ids)} in {self.seconds:.1f} s")
        if self.published:
            out.append(f"published   {self.published}")
        elif self.not_published:
            out.append(f"published   no: {self.not_published}")
        return out

    def markdown(self) -> str:
        rows = [
            ("inputs seen", self.n_seen),
            ("loaded", self.n_loaded),
            ("unchanged", self.n_unchanged),
            ("rejected", self.n_rejected),
            ("rejected again, unchanged", self.n_rejected_again),
        ] + [(f"rejected: {reason}", n) for reason, n in sorted(self.rejected_by_reason.items())]
        table = "\n".join(f"| {name} | {n} |" for name, n in rows)
        checks = "\n".join(f"| {c.name} | {c.severity} | {c.scope} | {c.n_failing} |" for c in self.checks)
        stages = "\n".join(f"| {r['stage']} | {r['reason']} | {r['n_inputs']} |" for r in self.stage_rows())
        return (
            f"# Ingest summary\n\nWarehouse: `{self.db_path}`\n\n| outcome | inputs |\n|---|---|\n{table}\n\n"
            f"| stage | reason | inputs |\n|---|---|---|\n{stages}\n\n"
            f"| check | severity | scope | failing rows |\n|---|---|---|---|\n{checks}\n"
        )
