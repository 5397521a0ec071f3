"""Known news agencies: alias lookup for sign-offs, datelines and photo credits.

The list itself is data (`transforms/data/agencies.toml`); this module only indexes it.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


@cache
def _agencies() -> tuple[dict, ...]:
    text = resources.files("transforms.data").joinpath("agencies.toml").read_text("utf-8")
    return tuple(tomllib.loads(text)["agency"])


def agency_entries() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every known agency as (canonical name, its aliases), in the order of the data file."""
    return tuple((entry["name"], tuple(entry["aliases"])) for entry in _agencies())


@cache
def agency_aliases() -> dict[str, str]:
    """Map every alias, case-folded, to its agency's canonical name."""
    return {alias.casefold(): entry["name"] for entry in _agencies() for alias in entry["aliases"]}


def agency_name(token: str) -> str | None:
    """The canonical agency name for one alias ('rtr' -> 'Reuters'), or None if unknown."""
    return agency_aliases().get(token.strip().casefold())


@cache
def _alias_scanner() -> re.Pattern[str]:
    # Longest aliases first so 'Yonhap News Agency' wins over 'Yonhap'; case-sensitive so that a
    # lowercase word ('ap', 'pa') inside running text is not taken for an agency.
    aliases = sorted({a for entry in _agencies() for a in entry["aliases"]}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in aliases) + r")(?!\w)")


def agencies_in(text: str) -> list[str]:
    """Canonical names of the agencies named in free text, in order of appearance, deduplicated."""
    found: list[str] = []
    for match in _alias_scanner().finditer(text):
        name = agency_name(match.group(0))
        if name and name not in found:
            found.append(name)
    return found
