"""Quoted passages of a text: where each quote's marks and text are, nested quotes inside.

Marks: “…”, "…", «…» (and »…«), „…“ / „…”, 「…」 (『…』 inside). A quote running over several
paragraphs, news style (a paragraph left open, the next one reopening with the same mark), is one
span whose text includes the paragraph break and the reopening mark. An opening mark met again
mid-paragraph while a quote is open means the first was never closed: it ends there. A quote
still open at a paragraph that does not reopen it ends with its paragraph. Single quotes are not
quote marks here, so apostrophes (don’t, O’Brien, ’90s) never open a quote; two closing
apostrophes (’’) close a double quote, as some wires type them. A straight " after a digit inside
a “…” is an inch mark (12" pizza), not a closing mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> marks that close it. A straight " may be closed by a curly ” and vice versa.
CLOSERS = {
    "“": ("”", "’’", "''", '"'),
    "„": ("“", "”"),
    "«": ("»",),
    "»": ("«",),
    "「": ("」",),
    "『": ("』",),
    '"': ('"', "”"),
    "”": ("”",),
}
# A paragraph left open continues when the next one starts with one of these.
REOPENERS = {"“": '“"', '"': '"“', "„": "„", "«": "«", "»": "»", "「": "「", "”": "”"}
_MARK = re.compile(r"’’|''|[“”„«»「」『』\"]|\n")


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted passage: marks at `open_at` .. `close_end`, its text at `start` .. `end`."""

    open_at: int
    close_end: int
    start: int
    end: int
    is_closed: bool


def _is_space(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or text[i].isspace()


def _can_open(text: str, i: int, mark: str) -> bool:
    if mark in "“„«「『":
        return True
    # ", ” and » open only where a word starts after a space: ("…" / ”…” / »…«).
    before = text[i - 1] if i > 0 else " "
    return (before.isspace() or before in "([{—–-/“„«") and not _is_space(text, i + 1)


def _can_close(text: str, i: int, mark: str, opener: str) -> bool:
    if mark != '"':
        return True
    before = text[i - 1] if i > 0 else " "
    if before.isspace() or (opener == "“" and before.isdigit()):  # 12" pizza inside a “…”
        return False
    return _is_space(text, i + 1) or text[i + 1] in ".,;:!?)]}—–-…”’"


def quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quoted passages of `text`, in order (nested quotes are part of their outer one)."""
    spans: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (opening mark, position)
    skip_to = -1

    def close_outer(end: int, close_end: int, is_closed: bool) -> None:
        mark, at = stack[0]
        start = at + len(mark)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(QuoteSpan(at, close_end, start, end, is_closed))
        stack.clear()

    for match in _MARK.finditer(text):
        mark, i = match.group(), match.start()
        if i < skip_to:
            continue
        if mark == "\n":
            if stack:
                nxt = i
                while nxt < len(text) and text[nxt].isspace():
                    nxt += 1
                if nxt < len(text) and text[nxt] in REOPENERS.get(stack[0][0], ""):
                    del stack[1:]
                    skip_to = nxt + 1
                else:
                    close_outer(i, i, is_closed=False)
            continue
        depth = next((d for d in range(len(stack) - 1, -1, -1) if mark in CLOSERS[stack[d][0]]), None)
        if depth is not None and _can_close(text, i, mark, stack[depth][0]):
            if depth == 0:
                close_outer(i, match.end(), is_closed=True)
            else:
                del stack[depth:]
            continue
        if mark in CLOSERS and _can_open(text, i, mark):
            if len(stack) == 1 and mark == stack[0][0]:
                close_outer(i, i, is_closed=False)  # reopened mid-paragraph: the first was never closed
            stack.append((mark, i))
    if stack:
        close_outer(len(text), len(text), is_closed=False)
    return spans
