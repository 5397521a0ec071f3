"""Bytes -> text, or the reason why not. Pure: no file access.

Plain text (`decode_text`): a BOM, then strict UTF-8, then detection with charset-normalizer for
legacy encodings (cp1252, EUC-KR, Shift_JIS, ...). Input that is UTF-8 with broken sequences is
refused rather than guessed at, because a guess would silently turn it into mojibake.

HTML (`decode_html`): a BOM, then the charset of the HTTP Content-Type header, then a
`<meta charset>` / `<meta http-equiv="Content-Type">` in the first 4096 bytes, then the XML
declaration, then strict UTF-8, then detection. Labels are read the way browsers read them (the
WHATWG encoding labels: iso-8859-1 means windows-1252, euc-kr means windows-949, ...). A declared
charset that does not decode the bytes is passed over for the next step.

Gzip (`maybe_gunzip`): gzipped bytes are inflated, within a size cap.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import cache

from charset_normalizer import CharsetMatch, from_bytes
from charset_normalizer.utils import is_multi_byte_encoding

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
    b"%PDF-",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x7fELF",
    b"MZ",
    b"OggS",
    b"ID3",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"SQLite format 3",
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
# The same less ESC, which ISO-2022-JP pages are full of.
HTML_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01
BINARY_CHECK_BYTES = 65536
# Valid multi-byte UTF-8 sequences. When most non-ASCII bytes form them, the input was meant as
# UTF-8 and is broken; legacy encodings (EUC-KR, Shift_JIS, GBK, cp1252) form them only by chance.
UTF8_SHARE_MEANS_BROKEN_UTF8 = 0.6
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Codecs that charset-normalizer names, replaced by the superset browsers decode them with.
ENCODING_ALIASES = {
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "ascii": "utf-8",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso8859_9": "cp1254",
    "tis_620": "cp874",
    "iso8859_11": "cp874",
    "big5": "big5hkscs",
}
# Tie-breaking order among equally good detections: the web's most common legacy encodings first.
DETECTION_PREFERENCE = {codec: rank for rank, codec in enumerate(("cp1252", "latin_1", "iso8859_15", "cp1250"))}
# The non-ASCII letters of Latin-script languages, to tell single-byte readings apart: Czech read
# as cp1252 has ø and è in its words, French read as cp1250 has ę and ŕ, Polish as cp1252 has ³ and ¿.
LATIN_ALPHABETS: dict[str, str] = {
    "fr": "àâæçéèêëîïôœùûüÿ",
    "de": "äöüß",
    "es": "áéíñóúü",
    "pt": "áâãàçéêíóôõú",
    "it": "àèéìíîòóùú",
    "nl": "áäéèëíïóöúü",
    "da_no": "æøåéó",
    "sv_fi": "åäöéšž",
    "is": "áðéíóúýþæö",
    "ca": "àçèéíïòóúü·",
    "ro": "ăâîșțşţ",
    "pl": "ąćęłńóśźż",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "hu": "áéíóöőúüű",
    "hr_sl": "čćđšž",
    "tr": "çğıöşüâî",
    "et": "äõöüšž",
    "lt": "ąčęėįšųūž",
    "lv": "āčēģīķļņšūž",
    "vi": "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
}
LATIN_LETTER = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")
# A symbol between two letters ("rz¹d", "Krakˇw"): a byte of another code page's letter.
SYMBOL_IN_WORD = re.compile(
    r"(?<=[^\W\d_])[\u00a1-\u00ac\u00ae-\u00bf\u00d7\u00f7\u02b0-\u02ff\u2500-\u259f]"
    r"(?=[^\W\d_])"
)

# WHATWG encoding labels (https://encoding.spec.whatwg.org/#names-and-labels), by Python codec.
# Browsers decode iso-8859-1 and us-ascii as windows-1252, EUC-KR as windows-949, Shift_JIS as
# windows-31J and GB2312 as GBK (whose decoder is GB18030's). The "replacement" labels
# (iso-2022-kr, hz-gb-2312, ...) and x-user-defined are left out, so they count as unknown.
_LABELS_BY_CODEC: tuple[tuple[str, str], ...] = (
    ("utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
    ("cp866", "866 cp866 csibm866 ibm866"),
    ("iso8859_2", "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"),
    ("iso8859_3", "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"),
    ("iso8859_4", "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"),
    ("iso8859_5", "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988"),
    (
        "iso8859_6",
        "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
        "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    ),
    (
        "iso8859_7",
        "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
        "iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    ),
    (
        "iso8859_8",
        "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
        "iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical",
    ),
    ("iso8859_10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
    ("iso8859_13", "iso-8859-13 iso8859-13 iso885913"),
    ("iso8859_14", "iso-8859-14 iso8859-14 iso885914"),
    ("iso8859_15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
    ("iso8859_16", "iso-8859-16"),
    ("koi8_r", "cskoi8r koi koi8 koi8-r koi8_r"),
    ("koi8_u", "koi8-ru koi8-u"),
    ("mac_roman", "csmacintosh mac macintosh x-mac-roman"),
    ("cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    ("cp1250", "cp1250 windows-1250 x-cp1250"),
    ("cp1251", "cp1251 windows-1251 x-cp1251"),
    (
        "cp1252",
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 "
        "iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    ),
    ("cp1253", "cp1253 windows-1253 x-cp1253"),
    (
        "cp1254",
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 "
        "latin5 windows-1254 x-cp1254",
    ),
    ("cp1255", "cp1255 windows-1255 x-cp1255"),
    ("cp1256", "cp1256 windows-1256 x-cp1256"),
    ("cp1257", "cp1257 windows-1257 x-cp1257"),
    ("cp1258", "cp1258 windows-1258 x-cp1258"),
    ("mac_cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    ("gb18030", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030"),
    ("big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    ("euc_jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    ("iso2022_jp", "csiso2022jp iso-2022-jp"),
    ("cp932", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    (
        "cp949",
        "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949",
    ),
    ("utf-16-be", "unicodefffe utf-16be"),
    ("utf-16-le", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"),
    # Not WHATWG labels (browsers ignore them), but pages use them and Python has the codecs.
    ("mac_greek", "x-mac-greek"),
    ("mac_turkish", "x-mac-turkish"),
    ("mac_iceland", "x-mac-icelandic"),
    ("mac_latin2", "x-mac-ce x-mac-centraleurroman"),
    ("mac_croatian", "x-mac-croatian"),
    ("mac_romanian", "x-mac-romanian"),
)
# Lower-cased label -> Python codec.
ENCODING_LABELS: dict[str, str] = {label: codec for codec, labels in _LABELS_BY_CODEC for label in labels.split()}
UTF16_CODECS = frozenset({"utf-16-be", "utf-16-le"})

# How far into the page the <meta> prescan looks (browsers look at 1024 bytes; pages exceed it).
PRESCAN_BYTES = 4096
HTML_COMMENT = re.compile(rb"<!--.*?(?:-->|\Z)", re.DOTALL)
META_TAG = re.compile(rb"<meta(?=[\s/>])([^>]*)>?", re.IGNORECASE)
TAG_ATTRIBUTE = re.compile(rb"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
# The charset parameter of a Content-Type value (the header, or a meta http-equiv content).
CHARSET_PARAMETER = re.compile(r"""charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))""", re.IGNORECASE)
XML_DECLARATION = re.compile(rb"""\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"'>]+)["']""")


@dataclass(frozen=True)
class DecodedText:
    text: str | None
    encoding: str | None
    reason: str | None = None  # a code from transforms.reasons when text is None
    detail: str = ""
    source: str = ""  # the step that chose the encoding: bom, http, meta, xml, utf-8 or detected


class DecompressionRefused(Exception):
    """Compressed bytes that are not inflated: `reason` is a code from transforms.reasons."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def _refuse(reason: str, detail: str) -> DecodedText:
    return DecodedText(None, None, reason, detail)


def _utf8_share(data: bytes) -> float:
    n_high = sum(1 for b in data if b >= 0x80)
    n_in_sequences = sum(len(m.group()) for m in UTF8_MULTIBYTE.finditer(data))
    return n_in_sequences / n_high if n_high else 0.0


def _from_bom(data: bytes) -> DecodedText | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(codec), codec, source="bom")
            except UnicodeDecodeError as exc:
                return _refuse(reasons.UNDECODABLE, f"{codec} BOM but {exc.reason} at byte {exc.start}")
    return None


@cache
def _byte_class(pattern: re.Pattern[bytes]) -> bytes:
    """The bytes a one-byte pattern (a byte class: CONTROL_BYTES, HTML_CONTROL_BYTES) matches: counting
    them in a text with `bytes.translate` is its number of matches, without a regex scan."""
    return bytes(b for b in range(256) if pattern.fullmatch(bytes([b])))


def _binary_refusal(data: bytes, control_bytes: re.Pattern[bytes], allow_nul: bool = False) -> DecodedText | None:
    for magic in BINARY_MAGIC:
        if data.startswith(magic):
            return _refuse(reasons.BINARY_CONTENT, f"starts with the signature {magic!r}")
    if allow_nul:
        return None
    head = data[:BINARY_CHECK_BYTES]
    n_control = len(head) - len(head.translate(None, _byte_class(control_bytes)))  # the pattern's matches
    if b"\x00" in head or n_control > MAX_CONTROL_SHARE * len(head):
        return _refuse(reasons.BINARY_CONTENT, f"{n_control} control bytes in the first 64 KiB")
    return None


def _latin_misfits(text: str) -> int:
    """Letters outside the best-fitting Latin alphabet, plus symbols inside words."""
    letters = Counter(ch.lower() for ch in LATIN_LETTER.findall(text) if ch.isalpha())
    misfits = min(sum(n for ch, n in letters.items() if ch not in alphabet) for alphabet in LATIN_ALPHABETS.values())
    return misfits + len(SYMBOL_IN_WORD.findall(text))


def _preference(match: CharsetMatch) -> tuple[int, str]:
    """Rank and name of the likeliest codec among those that read the bytes as this match does."""
    return min(
        (DETECTION_PREFERENCE.get(codec, len(DETECTION_PREFERENCE)), codec)
        for codec in [match.encoding, *match.could_be_from_charset]
    )


def _detect(data: bytes, source: str = "detected", detail: str = "") -> DecodedText | None:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    # charset-normalizer finds no chaos in several single-byte readings of Latin text and ranks them
    # close to arbitrarily (French in cp1252 ties with cp1250, Polish in cp1250 loses to cp1252):
    # among those, the reading whose letters fit one language's alphabet, then the web's favourite.
    if not is_multi_byte_encoding(best.encoding):
        tied = [m for m in matches if m.chaos == best.chaos and not is_multi_byte_encoding(m.encoding)]
        if len(tied) > 1:
            best = min(tied, key=lambda m: (_latin_misfits(str(m)), _preference(m)[0]))
    # A match also names the codecs that read the bytes identically (German in cp1250 and cp1252).
    rank, codec = _preference(best)
    encoding = codec if rank < len(DETECTION_PREFERENCE) else best.encoding
    encoding = ENCODING_ALIASES.get(encoding, encoding)
    try:
        return DecodedText(data.decode(encoding), encoding, detail=detail, source=source)
    except UnicodeDecodeError:
        return DecodedText(str(best), best.encoding, detail=detail, source=source)


def decode_text(data: bytes) -> DecodedText:
    """Decode an input's bytes into text, or say why it is not text."""
    if not data.strip():
        return _refuse(reasons.EMPTY_FILE, f"{len(data)} bytes, no text")
    from_bom = _from_bom(data)
    if from_bom is not None:
        return from_bom
    refusal = _binary_refusal(data, CONTROL_BYTES)
    if refusal is not None:
        return refusal
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", source="utf-8")
    except UnicodeDecodeError as exc:
        if _utf8_share(data) >= UTF8_SHARE_MEANS_BROKEN_UTF8:
            return _refuse(reasons.INVALID_UTF8, f"{exc.reason} at byte {exc.start}")
    detected = _detect(data)
    return detected or _refuse(reasons.UNDECODABLE, "no encoding explains these bytes")


def codec_for_label(label: str | None) -> str | None:
    """The Python codec a browser would use for an encoding label, or None for an unknown label."""
    if label is None:
        return None
    return ENCODING_LABELS.get(label.strip("\t\n\f\r \"'").lower())


def charset_from_content_type(value: str | None) -> str | None:
    """The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1"), as written."""
    if not value:
        return None
    match = CHARSET_PARAMETER.search(value)
    if match is None:
        return None
    label = next(group for group in match.groups() if group is not None).strip()
    return label or None


def meta_charsets(data: bytes) -> list[str]:
    """Charset labels of the <meta> tags in the first PRESCAN_BYTES bytes, in page order (comments skipped)."""
    head = HTML_COMMENT.sub(b"", data[:PRESCAN_BYTES])
    labels: list[str] = []
    for tag in META_TAG.finditer(head):
        attributes: dict[str, str] = {}
        for attribute in TAG_ATTRIBUTE.finditer(tag.group(1)):
            name = attribute.group(1).decode("ascii", "replace").lower()
            value = next((g for g in attribute.groups()[1:] if g is not None), b"")
            attributes.setdefault(name, value.decode("ascii", "replace").strip())
        if attributes.get("charset"):
            labels.append(attributes["charset"])
        elif attributes.get("http-equiv", "").lower() == "content-type":
            label = charset_from_content_type(attributes.get("content"))
            if label:
                labels.append(label)
    return labels


def xml_encoding(data: bytes) -> str | None:
    """The encoding of an XML declaration at the very start of the bytes."""
    match = XML_DECLARATION.match(data[:1024])
    return match.group(1).decode("ascii", "replace").strip() if match else None


def _declarations(data: bytes, content_type: str | None, notes: list[str]) -> list[tuple[str, str, str]]:
    """(source, label, codec) for each usable declaration, strongest first; unknown labels go to notes."""
    found: list[tuple[str, str, str]] = []
    candidates = [("http", charset_from_content_type(content_type))]
    metas = meta_charsets(data)
    known_meta = next((label for label in metas if codec_for_label(label)), metas[0] if metas else None)
    candidates += [("meta", known_meta), ("xml", xml_encoding(data))]
    for source, label in candidates:
        if label is None:
            continue
        codec = codec_for_label(label)
        if codec is None:
            notes.append(f"{source} charset {label!r} is unknown")
            continue
        if source != "http" and codec in UTF16_CODECS:
            codec = "utf-8"  # the declaration was readable as ASCII, so the bytes are not UTF-16
        found.append((source, label, codec))
    return found


def decode_html(data: bytes, content_type: str | None = None) -> DecodedText:
    """Decode an HTML page's bytes the way a browser would, or say why they are not text.

    `content_type` is the HTTP Content-Type header, if the page came with one. Steps, first that
    decodes strictly wins: BOM, header charset, <meta> charset, XML declaration, UTF-8, detection.
    A declared legacy charset loses to UTF-8 when the bytes are valid UTF-8 with non-ASCII in them
    (a server default such as iso-8859-1 over a UTF-8 page). `source` says which step decided.
    """
    if not data.strip():
        return _refuse(reasons.EMPTY_FILE, f"{len(data)} bytes, no text")
    from_bom = _from_bom(data)
    if from_bom is not None:
        return from_bom
    notes: list[str] = []
    declared = _declarations(data, content_type, notes)
    http_utf16 = bool(declared) and declared[0][0] == "http" and declared[0][2] in UTF16_CODECS
    refusal = _binary_refusal(data, HTML_CONTROL_BYTES, allow_nul=http_utf16)
    if refusal is not None:
        return refusal
    try:
        utf8_text: str | None = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_text = None
        utf8_error = f"{exc.reason} at byte {exc.start}"

    def result(text: str, encoding: str, source: str) -> DecodedText:
        return DecodedText(text, encoding, detail="; ".join(notes), source=source)

    for source, label, codec in declared:
        if codec != "utf-8" and utf8_text is not None and not data.isascii():
            notes.append(f"{source} charset {label!r} ignored: the bytes are valid UTF-8")
            continue
        try:  # the UTF-8 reading made above when that is the codec
            text = utf8_text if codec == "utf-8" and utf8_text is not None else data.decode(codec)
            return result(text, codec, source)
        except UnicodeDecodeError as exc:
            notes.append(f"{source} charset {label!r} does not fit: {exc.reason} at byte {exc.start}")
    if utf8_text is not None:
        return result(utf8_text, "utf-8", "utf-8")
    if _utf8_share(data) >= UTF8_SHARE_MEANS_BROKEN_UTF8:
        # UTF-8 with broken sequences: decoded with replacements only when the page says it is UTF-8.
        declared_utf8 = next((source for source, _, codec in declared if codec == "utf-8"), None)
        if declared_utf8 is None:
            return _refuse(reasons.INVALID_UTF8, "; ".join([*notes, utf8_error]))
        text = data.decode("utf-8", errors="replace")
        notes.append(f"invalid UTF-8 ({utf8_error}) replaced with U+FFFD")
        return result(text, "utf-8", declared_utf8)
    detected = _detect(data, detail="; ".join(notes))
    if detected is not None:
        return detected
    if declared:
        source, label, codec = declared[0]
        notes.append(f"nothing decodes cleanly: {label!r} decoded with errors replaced by U+FFFD")
        return result(data.decode(codec, errors="replace"), codec, source)
    return _refuse(reasons.UNDECODABLE, "; ".join([*notes, "no encoding explains these bytes"]))


GZIP_MAGIC = b"\x1f\x8b"


def maybe_gunzip(data: bytes, max_bytes: int) -> bytes:
    """Inflate gzipped bytes (all members); other bytes come back as they are.

    Raises DecompressionRefused with reasons.DECOMPRESSED_TOO_LARGE as soon as the output would pass
    max_bytes (it is inflated a bounded piece at a time, so a zip bomb never gets into memory), or
    reasons.BAD_GZIP for a corrupt or truncated stream. Bytes after the last member are ignored.
    """
    if max_bytes < 0:
        raise ValueError("max_bytes must not be negative")
    if not data.startswith(GZIP_MAGIC):
        return data
    out = bytearray()
    pending = data
    while pending.startswith(GZIP_MAGIC):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while not inflater.eof:
                # max_length 0 would mean unlimited; room is at least 1 here.
                chunk = inflater.decompress(pending, max_bytes + 1 - len(out))
                out += chunk
                if len(out) > max_bytes:
                    raise DecompressionRefused(
                        reasons.DECOMPRESSED_TOO_LARGE, f"inflates to more than {max_bytes} bytes"
                    )
                if not chunk and not pending and not inflater.eof:
                    raise DecompressionRefused(reasons.BAD_GZIP, f"stream ends early after {len(out)} bytes")
                pending = inflater.unconsumed_tail
        except zlib.error as exc:
            raise DecompressionRefused(reasons.BAD_GZIP, str(exc)) from exc
        pending = inflater.unused_data
    return bytes(out)


HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def is_html_media_type(content_type: str | None) -> bool:
    """Whether a Content-Type names an HTML page ("text/html; charset=utf-8" does)."""
    return bool(content_type) and content_type.split(";")[0].strip().lower() in HTML_MEDIA_TYPES  # type: ignore[union-attr]
