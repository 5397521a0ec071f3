"""Canonical outlets: the registry (data file) as a DataFrame and an alias -> source_id map."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

import polars as pl

from transforms.frames.schemas import SOURCES

UNKNOWN_SOURCE = "unknown"


@cache
def _raw_sources() -> tuple[dict, ...]:
    raw = tomllib.loads(resources.files("transforms.data").joinpath("sources.toml").read_text("utf-8"))
    return tuple(raw["source"])


def source_registry() -> pl.DataFrame:
    """One row per curated outlet: source_id, name, domain, aliases, is_curated (true)."""
    rows = _raw_sources()
    return pl.DataFrame(
        {
            "source_id": [r["source_id"] for r in rows],
            "name": [r["name"] for r in rows],
            "domain": [r["domain"] or None for r in rows],
            "aliases": [list(r["aliases"]) for r in rows],
            "is_curated": [True for _ in rows],
        },
        schema=SOURCES,
    )


@cache
def source_aliases() -> dict[str, str]:
    """Case-folded alias (names, ids, domains) -> source_id."""
    out: dict[str, str] = {}
    for r in _raw_sources():
        for alias in [r["source_id"], r["name"], *([r["domain"]] if r["domain"] else []), *r["aliases"]]:
            out.setdefault(alias.casefold(), r["source_id"])
    return out
