"""Plain text -> an article: title, deck, body blocks, captions, removed boilerplate and fields.

Pure: a decoded string in, a `TextArticle` out. Boilerplate is decided by the rule catalogue
(`transforms.text.rules`); this module only decides structure, from the shape of what is left:

- the title is the first line the rules kept, unless it is the only one and reads as prose (two
  sentences, `LONE_BODY_MIN_WORDS` words or more): a headline is one sentence at most, so such a
  file is a body with no title line rather than a title with no body;
- deck lines follow it until the body starts, which is at the first line that reads as a
  sentence (ends with terminal punctuation), is long, or follows a dateline; more than
  `DECK_MAX_LINES` such lines are no deck but the body's start (a list, a schedule);
- a line just before a photo credit (or a non-sentence just after one) is its caption;
- inside the body, a short line without terminal punctuation followed by more text is a
  cross-heading; everything else is a paragraph. Hard-wrapped lines are joined back.
Nothing the rules did not remove is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from transforms.text.line_model import LineModel, load_model
from transforms.text.line_model import features as model_features
from transforms.text.rules import RuleHit, match_line

BlockKind = Literal["title", "deck", "heading", "paragraph", "caption"]

TAIL_LINES = 6  # rules with zone "tail" look at this many last non-empty lines
DECK_MAX_WORDS = 40  # a longer line starts the body even without terminal punctuation
# More lines than this before the first sentence are no deck but body (a list, a schedule, a table):
# chosen leave-one-set-out on the text-path dev sets (bench/extraction_text.py; 2 of 3 folds chose 2,
# the third kept no limit), and the seeds' two-line deck (Yonhap) is the least it may be.
DECK_MAX_LINES = 2
HEADING_MAX_WORDS = 20  # a cross-heading is at most this long
CAPTION_MAX_WORDS = 40
LONE_BODY_MIN_WORDS = 10  # a lone line this long holding a sentence break is a body (a guard, not tuned)
# a sentence end inside a line: a word of 2+ characters, terminal punctuation, space, the next word
SENTENCE_BREAK = re.compile(r"\w{2,}[.!?…][\"'”’»)\]]*\s+[\"'“‘«(\[]?\w")
TERMINAL = re.compile(r"[.!?…:;。！？][\"'”’»」』)\]]*$")
BODY_KINDS: frozenset[str] = frozenset({"heading", "paragraph"})
MODEL_RULE_ID, MODEL_CATEGORY = "text_model", "text_model"  # a paragraph the line model removed


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    start: int  # character offsets in the decoded document text
    end: int


@dataclass(frozen=True)
class TextArticle:
    title: str | None
    blocks: tuple[Block, ...]
    removed: tuple[RuleHit, ...]  # offsets here are into the decoded document text
    fields: dict[str, object]

    @property
    def deck(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "deck"]

    @property
    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in BODY_KINDS]


@dataclass
class _Unit:
    """A kept piece of one or more source lines, before its kind is known."""

    text: str
    start: int
    end: int
    group: int  # consecutive non-empty lines share a group
    after_dateline: bool
    before_credit: bool = False
    after_credit: bool = False


def is_sentence(text: str) -> bool:
    return bool(TERMINAL.search(text))


def _n_words(text: str) -> int:
    return len(text.split())


def _lines(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.splitlines(keepends=True):
        out.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    return out


def merge_fields(hits: list[RuleHit]) -> dict[str, object]:
    merged: dict[str, object] = {}
    for hit in hits:
        for key, value in hit.fields.items():
            if key == "photo_credit":
                merged.setdefault("photo_credits", [])
                merged["photo_credits"].append(value)  # type: ignore[attr-defined]
            elif isinstance(value, list):
                existing = merged.setdefault(key, [])
                existing += [v for v in value if v not in existing]  # type: ignore[operator]
            else:
                merged.setdefault(key, value)
    return merged


def _units_and_removals(text: str) -> tuple[list[_Unit], list[RuleHit]]:
    lines = _lines(text)
    nonempty = [i for i, (_, line) in enumerate(lines) if line.strip()]
    tail = set(nonempty[-TAIL_LINES:])
    units: list[_Unit] = []
    removed: list[RuleHit] = []
    group, previous_blank, pending_credit = 0, True, False
    for i, (offset, line) in enumerate(lines):
        if not line.strip():
            previous_blank = True
            continue
        if previous_blank:
            group += 1
        previous_blank = False
        verdict = match_line(line, in_tail=i in tail)
        removed += [_span(h, offset) for h in verdict.hits]
        is_credit = any(h.category == "photo_credit" for h in verdict.hits)
        if is_credit and units:
            units[-1].before_credit = True
        if verdict.kept:
            after_dateline = any(h.category == "dateline" for h in verdict.hits)
            unit = _Unit(
                verdict.kept,
                offset + verdict.kept_start,
                offset + len(line.rstrip()),
                group,
                after_dateline,
                after_credit=pending_credit,
            )
            if units and _continues(units[-1], unit):
                units[-1].text += " " + unit.text
                units[-1].end = unit.end
            else:
                units.append(unit)
        pending_credit = is_credit
    return units, removed


def _span(hit: RuleHit, offset: int) -> RuleHit:
    """The hit with its offsets moved from the line into the document."""
    return replace(hit, start=offset + hit.start, end=offset + hit.end)


def _continues(previous: _Unit, unit: _Unit) -> bool:
    """A hard-wrapped line: same group, the previous line unfinished, this one starting lowercase."""
    return (
        previous.group == unit.group
        and not is_sentence(previous.text)
        and not unit.after_dateline
        and unit.text[:1].islower()
    )


def _is_caption(unit: _Unit) -> bool:
    if _n_words(unit.text) > CAPTION_MAX_WORDS or unit.after_dateline:
        return False
    return unit.before_credit or (unit.after_credit and not is_sentence(unit.text))


def _starts_body(unit: _Unit) -> bool:
    return unit.after_dateline or is_sentence(unit.text) or _n_words(unit.text) > DECK_MAX_WORDS


def _is_lone_body(units: list[_Unit]) -> bool:
    """The file's only kept line reads as prose (two sentences, long enough): it is the body."""
    return (
        len(units) == 1
        and _n_words(units[0].text) >= LONE_BODY_MIN_WORDS
        and bool(SENTENCE_BREAK.search(units[0].text))
    )


def _deck_run(units: list[_Unit]) -> int:
    """How many units would be deck lines: those after the title, before the first that starts the
    body, captions apart; 0 when no unit starts the body."""
    run = 0
    for index, unit in enumerate(units):
        if index == 0 and not (unit.after_dateline or _n_words(unit.text) > DECK_MAX_WORDS):
            continue
        if _starts_body(unit):
            return run
        if not _is_caption(unit):
            run += 1
    return 0


def _kinds(units: list[_Unit]) -> list[BlockKind]:
    kinds: list[BlockKind] = []
    has_deck = 0 < _deck_run(units) <= DECK_MAX_LINES
    body_started = False
    lone_body = _is_lone_body(units)
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        if index == 0 and not (unit.after_dateline or _n_words(unit.text) > DECK_MAX_WORDS or lone_body):
            kinds.append("title")
        elif _is_caption(unit):
            kinds.append("caption")
        elif has_deck and not body_started and not _starts_body(unit):
            kinds.append("deck")
        else:
            body_started = True
            heading = (
                not is_sentence(unit.text)
                and _n_words(unit.text) <= HEADING_MAX_WORDS
                and following is not None
                and not unit.after_dateline
            )
            kinds.append("heading" if heading else "paragraph")
    return kinds


def _model_removals(
    blocks: tuple[Block, ...], title: str | None, model: LineModel
) -> tuple[tuple[Block, ...], list[RuleHit]]:
    """The body paragraphs the line model scores as boilerplate, removed with their score (never
    every body paragraph: a file the model would empty keeps what the rules left)."""
    body = [i for i, b in enumerate(blocks) if b.kind in BODY_KINDS]
    if not body:
        return blocks, []
    scores = model.scores(model_features([blocks[i].text for i in body], title, model.cues))
    drop = {i for i, s in zip(body, scores, strict=True) if s >= model.threshold}
    if not drop or len(drop) == len(body):
        return blocks, []
    hits = [
        RuleHit(MODEL_RULE_ID, MODEL_CATEGORY, blocks[i].text, blocks[i].start, blocks[i].end, {"score": round(s, 3)})
        for i, s in zip(body, scores, strict=True)
        if i in drop
    ]
    return tuple(b for i, b in enumerate(blocks) if i not in drop), hits


def parse_text_article(text: str, model: LineModel | None | bool = True) -> TextArticle:
    """Split a plain-text article into its parts; boilerplate goes to `removed` with its rule
    (the line rules' id, or `text_model` with its score). `model`: the line model to run after the
    rules (True: the shipped one, `transforms/data/text_model.json`; None or False: none)."""
    units, removed = _units_and_removals(text)
    blocks = tuple(Block(kind, u.text, u.start, u.end) for kind, u in zip(_kinds(units), units, strict=True))
    title = next((b.text for b in blocks if b.kind == "title"), None)
    fields = merge_fields(removed)
    line_model = load_model() if model is True else (model or None)
    if line_model is not None:
        blocks, hits = _model_removals(blocks, title, line_model)
        if hits:
            removed = sorted([*removed, *hits], key=lambda h: h.start)
    captions = [b.text for b in blocks if b.kind == "caption"]
    if captions:
        fields["captions"] = captions
    return TextArticle(title, blocks, tuple(removed), fields)


def parse_text_articles(texts: list[str]) -> list[TextArticle]:
    """`parse_text_article` of each text, in order: a batch's worth in one call."""
    return [parse_text_article(text) for text in texts]
