"""Settings: command-line options win, then NEWSETL_* environment variables, then defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from warehouse import DEFAULT_DB_PATH

ENV_PREFIX = "NEWSETL_"
DEFAULT_BATCH_SIZE = 200
DEFAULT_MAX_BYTES = 50_000_000
# File name endings -> input kind. Each may also end in ".gz" (gzip), e.g. "page.html.gz".
INPUT_KINDS: dict[str, str] = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}
GZIP_SUFFIX = ".gz"


def input_kind(name: str) -> str | None:
    """The kind of input a file name says it is ("text" or "html"), or None when it says nothing known."""
    lowered = name.lower()
    if lowered.endswith(GZIP_SUFFIX):
        lowered = lowered[: -len(GZIP_SUFFIX)]
    dot = lowered.rfind(".")
    return INPUT_KINDS.get(lowered[dot:]) if dot > 0 else None


def _env(name: str) -> str | None:
    value = os.environ.get(ENV_PREFIX + name)
    return value if value not in (None, "") else None


@dataclass(frozen=True)
class Settings:
    db_path: Path
    landing_dir: Path
    batch_size: int
    max_bytes: int

    @classmethod
    def resolve(
        cls,
        db_path: str | Path | None = None,
        landing_dir: str | Path | None = None,
        batch_size: int | None = None,
        max_bytes: int | None = None,
    ) -> Settings:
        db = Path(db_path or _env("DB") or DEFAULT_DB_PATH).expanduser()
        landing = Path(landing_dir or _env("LANDING_DIR") or db.parent / "landing").expanduser()
        size = int(batch_size or _env("BATCH_SIZE") or DEFAULT_BATCH_SIZE)
        cap = int(max_bytes or _env("MAX_BYTES") or DEFAULT_MAX_BYTES)
        if size < 1:
            raise ValueError(f"batch size must be at least 1, got {size}")
        return cls(db.absolute(), landing.absolute(), size, cap)
