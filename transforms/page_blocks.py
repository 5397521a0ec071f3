"""What an HTML extractor hands on: blocks of main content and the page's metadata. Pure data.

Kept apart from the extractor adapters so that code reading these (rules, normalise) does not
import an extractor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

HtmlBlockKind = Literal["heading", "paragraph", "item", "quote", "row", "code"]


@dataclass(frozen=True)
class HtmlBlock:
    kind: HtmlBlockKind
    text: str            # lines separated by "\n" where the page had line breaks
    link_chars: int      # characters of `text` that are link (anchor) text
    group: int           # blocks of the same list or table share a group number
    level: int = 0       # heading level (h1 = 1), 0 for other blocks

    @property
    def link_density(self) -> float:
        n = len(self.text.replace("\n", ""))
        return self.link_chars / n if n else 0.0


@dataclass(frozen=True)
class HtmlMetadata:
    title: str | None = None
    author: str | None = None
    date: str | None = None          # ISO date as trafilatura/htmldate found it
    site_name: str | None = None
    description: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    canonical_url: str | None = None
    image_url: str | None = None
    language: str | None = None       # as declared by the page
    hostname: str | None = None


@dataclass(frozen=True)
class HtmlExtraction:
    blocks: tuple[HtmlBlock, ...]
    metadata: HtmlMetadata
