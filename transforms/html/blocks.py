"""What an HTML extractor hands on: blocks of main content and the page's metadata. Pure data.

Kept apart from the extractor adapters so that code reading these (rules, normalise) does not
import an extractor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from transforms.metadata.page_markup import PageMarkup

HtmlBlockKind = Literal["heading", "paragraph", "item", "quote", "row", "code", "caption"]


@dataclass(frozen=True)
class HtmlBlock:
    kind: HtmlBlockKind
    text: str  # lines separated by "\n" where the page had line breaks
    link_chars: int  # characters of `text` that are link (anchor) text
    group: int  # blocks of the same list or table share a group number
    level: int = 0  # heading level (h1 = 1), 0 for other blocks
    lead_link_chars: int = 0  # characters of the link(s) the block opens with

    @property
    def link_density(self) -> float:
        n = len(self.text.replace("\n", ""))
        return self.link_chars / n if n else 0.0


@dataclass(frozen=True)
class HtmlMetadata:
    title: str | None = None
    author: str | None = None
    site_name: str | None = None
    description: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    canonical_url: str | None = None
    image_url: str | None = None
    language: str | None = None  # as declared by the page
    hostname: str | None = None
    markup: PageMarkup | None = None  # what the markup says besides: headlines, site names, credits (pages.py)


@dataclass(frozen=True)
class HtmlExtraction:
    blocks: tuple[HtmlBlock, ...]
    metadata: HtmlMetadata
    # what trafilatura's own readability fallback (its port of readability-lxml, which its thorough
    # pass runs on every page) found, as blocks; () when it was not run or found nothing
    fallback: tuple[HtmlBlock, ...] = ()


class BlockText:
    """Collects one block's text while an adapter walks its element: pieces, line breaks, and
    how much of it is link text (all of it, and the run of links the block opens with)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.link_chars = 0
        self.lead_link_chars = 0
        self._leading = True

    def add(self, text: str | None, in_link: bool) -> None:
        if not text:
            return
        self.parts.append(text)
        n = len(text.strip())
        if in_link:
            self.link_chars += n
            if self._leading:
                self.lead_link_chars += n
        elif n:
            self._leading = False

    def separate(self, separator: str) -> None:
        """A line break ("\\n") or a cell separator, never at the very start."""
        if self.parts and self.parts[-1] != "\n":
            self.parts.append(separator)

    def result(self) -> tuple[str, int, int]:
        """The text (inner whitespace collapsed, blank lines dropped), its link and lead-link characters."""
        lines = [" ".join(line.split()) for line in "".join(self.parts).split("\n")]
        text = "\n".join(line for line in lines if line).strip(" |")
        n = len(text)
        return text, min(self.link_chars, n), min(self.lead_link_chars, n)
