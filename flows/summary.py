"""The end-of-run summary: counts per outcome and reject reason, checks; as text and markdown."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from warehouse import CheckResult


@dataclass
class RunSummary:
    db_path: str
    n_seen: int = 0
    n_loaded: int = 0
    n_unchanged: int = 0
    n_rejected: int = 0
    rejected_by_reason: Counter[str] = field(default_factory=Counter)
    load_ids: list[str] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    seconds: float = 0.0
    published: str | None = None  # the read-only snapshot written for BI, when the checks let it

    @property
    def failed_checks(self) -> list[CheckResult]:
        return [c for c in self.checks if not c.passed and c.severity == "error"]

    def lines(self) -> list[str]:
        out = [
            f"warehouse   {self.db_path}",
            f"inputs seen {self.n_seen}",
            f"loaded      {self.n_loaded}",
            f"unchanged   {self.n_unchanged}",
            f"rejected    {self.n_rejected}",
        ]
        out += [f"  {reason:<22}{n}" for reason, n in sorted(self.rejected_by_reason.items())]
        failing = [c for c in self.checks if not c.passed]
        out.append(f"checks      {len(self.checks) - len(failing)}/{len(self.checks)} passed")
        out += [f"  {c.severity.upper():<6}{c.name}: {c.n_failing} failing rows" for c in failing]
        out.append(f"batches     {len(self.load_ids)} in {self.seconds:.1f} s")
        if self.published:
            out.append(f"published   {self.published}")
        return out

    def markdown(self) -> str:
        rows = [
            ("inputs seen", self.n_seen), ("loaded", self.n_loaded), ("unchanged", self.n_unchanged),
            ("rejected", self.n_rejected),
        ] + [(f"rejected: {reason}", n) for reason, n in sorted(self.rejected_by_reason.items())]
        table = "\n".join(f"| {name} | {n} |" for name, n in rows)
        checks = "\n".join(f"| {c.name} | {c.severity} | {c.n_failing} |" for c in self.checks)
        return (
            f"# Ingest summary\n\nWarehouse: `{self.db_path}`\n\n| outcome | inputs |\n|---|---|\n{table}\n\n"
            f"| check | severity | failing rows |\n|---|---|---|\n{checks}\n"
        )
