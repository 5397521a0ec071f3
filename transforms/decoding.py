"""Bytes -> text, or the reason why not. Pure: no file access.

Order: a BOM, then strict UTF-8, then detection with charset-normalizer for legacy encodings
(cp1252, EUC-KR, Shift_JIS, ...). Input that is UTF-8 with broken sequences is refused rather
than guessed at, because a guess would silently turn it into mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from transforms import reasons

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# File signatures of formats that are never text articles.
BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ",
    b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ", b"OggS", b"ID3", b"RIFF", b"\x00\x00\x01\x00", b"SQLite format 3",
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01
# Valid multi-byte UTF-8 sequences. When most non-ASCII bytes form them, the input was meant as
# UTF-8 and is broken; legacy encodings (EUC-KR, Shift_JIS, GBK, cp1252) form them only by chance.
UTF8_SHARE_MEANS_BROKEN_UTF8 = 0.6
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Legacy encodings are named as Python codecs; the web's habit of labelling cp1252 as latin-1.
ENCODING_ALIASES = {"latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "utf-8"}


@dataclass(frozen=True)
class DecodedText:
    text: str | None
    encoding: str | None
    reason: str | None = None  # a code from transforms.reasons when text is None
    detail: str = ""


def _refuse(reason: str, detail: str) -> DecodedText:
    return DecodedText(None, None, reason, detail)


def _utf8_share(data: bytes) -> float:
    n_high = sum(1 for b in data if b >= 0x80)
    n_in_sequences = sum(len(m.group()) for m in UTF8_MULTIBYTE.finditer(data))
    return n_in_sequences / n_high if n_high else 0.0


def decode_text(data: bytes) -> DecodedText:
    """Decode an input's bytes into text, or say why it is not text."""
    if not data.strip():
        return _refuse(reasons.EMPTY_FILE, f"{len(data)} bytes, no text")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                return _refuse(reasons.UNDECODABLE, f"{codec} BOM but {exc.reason} at byte {exc.start}")
    for magic in BINARY_MAGIC:
        if data.startswith(magic):
            return _refuse(reasons.BINARY_CONTENT, f"starts with the signature {magic!r}")
    n_control = len(CONTROL_BYTES.findall(data[:65536]))
    if b"\x00" in data[:65536] or n_control > MAX_CONTROL_SHARE * min(len(data), 65536):
        return _refuse(reasons.BINARY_CONTENT, f"{n_control} control bytes in the first 64 KiB")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if _utf8_share(data) >= UTF8_SHARE_MEANS_BROKEN_UTF8:
            return _refuse(reasons.INVALID_UTF8, f"{exc.reason} at byte {exc.start}")
    best = from_bytes(data).best()
    if best is None:
        return _refuse(reasons.UNDECODABLE, "no encoding explains these bytes")
    encoding = ENCODING_ALIASES.get(best.encoding, best.encoding)
    try:
        return DecodedText(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return DecodedText(str(best), best.encoding)
