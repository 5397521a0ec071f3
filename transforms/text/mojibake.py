"""Count the marks that text was decoded with the wrong codec (mojibake). Pure.

The commonest case is UTF-8 read as cp1252 or Latin-1: "é" becomes "Ã©", "’" becomes "â€™". A
candidate is a run of characters whose cp1252 bytes form one valid UTF-8 sequence; it counts when
the character it stands for is one text really has (legitimate pairs such as "ß“" or "É»" stand
for N'Ko or IPA characters and are left alone). Characters of other scripts (Cyrillic, Arabic,
CJK, ...) count only in runs of two or more, because real mojibake of those scripts comes in
runs, while an isolated "é\u00a0»" in French is valid UTF-8 for a CJK character by accident.

Also counted: U+FFFD replacement characters, "â€" left from a quote whose last byte was lost,
"Â " left from a no-break space, and East Asian double-byte text (EUC-KR, GBK, Shift_JIS) read as
cp1252, which shows up as long runs of Latin-1 symbols and accented letters.
"""

from __future__ import annotations

import re

# The characters cp1252 gives the bytes 0x80-0x9F (the five bytes it leaves undefined read as
# C1 controls, as Latin-1 reads all of them).
CP1252_SPECIALS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# Characters that are UTF-8 continuation bytes (0x80-0xBF) read as cp1252 or Latin-1.
_CONT = f"[\u0080-\u00bf{CP1252_SPECIALS}]"
UTF8_AS_CP1252 = re.compile(f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}")
# Code points whose mojibake counts alone: Latin letters and symbols, Romanian ș ț, the combining
# accents of decomposed text (not U+0305, which Italian "COSÌ…" would be), Vietnamese, general
# punctuation, currency and letterlike symbols (the "â€" family), the BOM, and past the BMP (emoji).
SINGLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0080, 0x01FF),
    (0x0218, 0x021B),
    (0x0300, 0x0304),
    (0x0306, 0x030C),
    (0x0327, 0x0328),
    (0x1E00, 0x1EFF),
    (0x2000, 0x2BFF),
    (0xFEFF, 0xFEFF),
    (0x10000, 0x10FFFF),
)
# Code points whose mojibake counts only next to other mojibake: the letters of other scripts.
RUN_RANGES: tuple[tuple[int, int], ...] = (
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x045F),
    (0x0490, 0x0491),  # Cyrillic, Ukrainian ґ
    (0x0530, 0x058F),  # Armenian
    (0x05D0, 0x05EA),  # Hebrew letters
    (0x0600, 0x06FF),  # Arabic, Persian, Urdu
    (0x0900, 0x0DFF),  # Indic scripts
    (0x0E00, 0x0E7F),  # Thai
    (0x10A0, 0x10FF),  # Georgian
    (0x3000, 0x30FF),  # CJK punctuation, kana
    (0x3400, 0x9FFF),  # CJK ideographs
    (0xAC00, 0xD7A3),  # Hangul
    (0xFF00, 0xFFEF),  # full-width forms
)
REPLACEMENT_CHARACTER = "\ufffd"
# "â€" whose third character was lost (0x9D, cp1252's undefined byte in ”, is often dropped).
BARE_EURO_A = re.compile(f"â€(?![\\ufffd\u0080-\u00bf{CP1252_SPECIALS}])")
# "Â" before a plain space: a no-break space read as cp1252 whose second byte was normalised.
A_CIRCUMFLEX_SPACE = re.compile("Â ")
# Shift_JIS read as cp1252: lead bytes 0x81-0x9F, each followed by a trail byte; three pairs or more.
SJIS_AS_CP1252 = re.compile(f"(?:[\u0080-\u009f{CP1252_SPECIALS}][\u0040-\u007e\u0080-\u00fc{CP1252_SPECIALS}]){{3,}}")
# EUC-KR, GB2312/GBK and EUC-JP read as cp1252: both bytes of a character in 0xA1-0xFE; two characters
# or more, mixing Latin-1 symbols and letters (an alphabet listing "äöüß" or "«»«»" has only one kind).
EUC_AS_CP1252 = re.compile("[\u00a1-\u00fe]{4,}")
LATIN1_SYMBOL = re.compile("[\u00a1-\u00bf\u00d7\u00f7]")
LATIN1_LETTER = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00fe]")
# Shift_JIS runs have at least one Latin-1 character (a run of only "…—" is punctuation).
LATIN1_HIGH = re.compile("[\u00a1-\u00fc]")


def _in(code_point: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code_point <= high for low, high in ranges)


def _as_cp1252_bytes(chars: str) -> bytes:
    return bytes(ord(ch) if ord(ch) < 0x100 else ch.encode("cp1252")[0] for ch in chars)


def _utf8_mojibake_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text that are UTF-8 read as cp1252, by the rules in the module docstring."""
    candidates: list[tuple[int, int, bool]] = []  # start, end, counts alone
    for match in UTF8_AS_CP1252.finditer(text):
        try:
            code_point = ord(_as_cp1252_bytes(match.group()).decode("utf-8"))
        except UnicodeDecodeError:
            continue
        if _in(code_point, SINGLE_RANGES):
            candidates.append((match.start(), match.end(), True))
        elif _in(code_point, RUN_RANGES):
            candidates.append((match.start(), match.end(), False))
    spans = []
    for i, (start, end, alone) in enumerate(candidates):
        touches_previous = i > 0 and candidates[i - 1][1] == start
        touches_next = i + 1 < len(candidates) and candidates[i + 1][0] == end
        if alone or touches_previous or touches_next:
            spans.append((start, end))
    return spans


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans replaced by NULs (same length, and runs no longer go through them)."""
    parts, last = [], 0
    for start, end in spans:
        parts += [text[last:start], "\0" * (end - start)]
        last = end
    return "".join([*parts, text[last:]])


# Every mark above has a character from U+00A1 to U+00FE (the Latin-1 letters and symbols cp1252 misreads
# produce: a lead byte of UTF8_AS_CP1252, the "â" and "Â" of BARE_EURO_A and A_CIRCUMFLEX_SPACE, the LATIN1_HIGH
# a Shift_JIS run needs, EUC_AS_CP1252's characters) or is U+FFFD: a text with neither has none (most English
# articles: their curly quotes and dashes alone are no mark), and is not searched any further.
MAY_HAVE_MOJIBAKE = re.compile("[\u00a1-\u00fe\ufffd]")


def count_mojibake(text: str) -> int:
    """How many mojibake marks the text has; 0 for clean text in any language."""
    return _count(text) if MAY_HAVE_MOJIBAKE.search(text) else 0


def _count(text: str) -> int:
    """count_mojibake without its pre-filter."""
    spans = _utf8_mojibake_spans(text)
    count = len(spans)
    rest = _blank(text, spans)
    count += rest.count(REPLACEMENT_CHARACTER)
    count += len(BARE_EURO_A.findall(rest)) + len(A_CIRCUMFLEX_SPACE.findall(rest))
    sjis = [m.span() for m in SJIS_AS_CP1252.finditer(rest) if LATIN1_HIGH.search(m.group())]
    count += sum((end - start) // 2 for start, end in sjis)
    rest = _blank(rest, sjis)
    count += sum(
        len(run) // 2 for run in EUC_AS_CP1252.findall(rest) if LATIN1_SYMBOL.search(run) and LATIN1_LETTER.search(run)
    )
    return count
