"""The DuckDB side of the pipeline: connect, migrate, load, check. Imports neither flows nor transforms."""

from warehouse.store import (
    DEFAULT_DB_PATH,
    WRITER_MEMORY_LIMIT,
    AnalysisFrames,
    CheckResult,
    LoadBatch,
    LoadCounts,
    Warehouse,
    WarehouseError,
)

__all__ = [
    "DEFAULT_DB_PATH",
    "WRITER_MEMORY_LIMIT",
    "AnalysisFrames",
    "CheckResult",
    "LoadBatch",
    "LoadCounts",
    "Warehouse",
    "WarehouseError",
]
