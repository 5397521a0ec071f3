from __future__ import annotations

import codecs
import gzip

import pytest

from transforms import reasons
from transforms.documents.decoding import (
    ENCODING_LABELS,
    PRESCAN_BYTES,
    DecompressionRefused,
    charset_from_content_type,
    codec_for_label,
    decode_html,
    decode_text,
    maybe_gunzip,
    meta_charsets,
)
from transforms.text.mojibake import count_mojibake

KOREAN = "정부는 28일 북한이 미사일을 발사했다고 밝혔다. 연합뉴스 기자가 현장에서 취재했다."
GERMAN = "Der Bürgermeister sagte: „Wir sind bereit“ – über Straßen und Brücken."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", reasons.EMPTY_FILE),
        (b" \n\t\n", reasons.EMPTY_FILE),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), reasons.BINARY_CONTENT),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", reasons.BINARY_CONTENT),
        (b"text with a NUL\x00 byte " * 5, reasons.BINARY_CONTENT),
        (bytes(range(1, 32)) * 20, reasons.BINARY_CONTENT),
        ("Héllo wörld, ça va très bien".encode() + b"\xff\xfe and more", reasons.INVALID_UTF8),
        (KOREAN.encode() + b"\xff", reasons.INVALID_UTF8),
    ],
)
def test_bad_bytes_get_a_reason(data: bytes, reason: str) -> None:
    decoded = decode_text(data)
    assert decoded.text is None
    assert decoded.reason == reason
    assert decoded.detail


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (KOREAN, "euc-kr"),
        (GERMAN, "cp1252"),
        ("Le président a déclaré qu’il était prêt à négocier.", "cp1252"),
        ("政府は28日、北朝鮮がミサイルを発射したと発表した。記者が現場で取材した。", "shift_jis"),
    ],
)
def test_legacy_encodings_are_detected_and_decoded(text: str, codec: str) -> None:
    decoded = decode_text(text.encode(codec))
    assert decoded.reason is None
    assert decoded.text == text
    assert decoded.encoding and decoded.encoding.replace("-", "_") != "utf_8"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Zoë’s café".encode(), "utf-8"),
        ("Zoë’s café".encode("utf-8-sig"), "utf-8-sig"),
        ("Zoë’s café".encode("utf-16"), "utf-16"),
    ],
)
def test_unicode_inputs(data: bytes, encoding: str) -> None:
    decoded = decode_text(data)
    assert (decoded.text, decoded.encoding) == ("Zoë’s café", encoding)


def test_decode_text_says_which_step_decided() -> None:
    assert decode_text("Zoë".encode()).source == "utf-8"
    assert decode_text("Zoë".encode("utf-8-sig")).source == "bom"
    assert decode_text(KOREAN.encode("euc-kr")).source == "detected"


# --- HTML -----------------------------------------------------------------------------------------

FRENCH = "Le président a déclaré “qu’il était prêt” à négocier – coût : 5 €. À la une, œuvre."
JAPANESE = "政府は28日、北朝鮮がミサイルを発射したと発表した。記者が現場で取材した。"
CHINESE = "中国政府今天宣布，将进一步扩大对外开放，记者在现场进行了采访报道。"
RUSSIAN = "Правительство заявило сегодня, что новые правила вступят в силу в следующем году."


def page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html>\n<html>\n<head>\n{head}\n<title>Nachrichten</title>\n</head>\n"
        f"<body>\n<h1>News</h1>\n<p>{body}</p>\n</body>\n</html>\n"
    )


def meta_charset(label: str) -> str:
    return f'<meta charset="{label}">'


def meta_http_equiv(label: str) -> str:
    return f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'


@pytest.mark.parametrize(
    ("html", "codec", "content_type", "encoding", "source"),
    [
        # iso-8859-1 means windows-1252 on the web: the smart quotes and € are bytes 0x80-0x9F.
        (page(FRENCH, meta_charset("iso-8859-1")), "cp1252", None, "cp1252", "meta"),
        (page(FRENCH, meta_http_equiv("ISO-8859-1")), "cp1252", None, "cp1252", "meta"),
        (page(FRENCH), "cp1252", "text/html; charset=ISO-8859-1", "cp1252", "http"),
        (page(FRENCH), "cp1252", 'text/html; charset="us-ascii"', "cp1252", "http"),
        (page(KOREAN, meta_charset("euc-kr")), "euc-kr", None, "cp949", "meta"),
        (page(KOREAN, meta_http_equiv("ks_c_5601-1987")), "cp949", None, "cp949", "meta"),
        (page(JAPANESE, meta_http_equiv("Shift_JIS")), "shift_jis", None, "cp932", "meta"),
        (page(JAPANESE, meta_charset("iso-2022-jp")), "iso2022_jp", None, "iso2022_jp", "meta"),
        (page(CHINESE, meta_charset("gbk")), "gbk", None, "gb18030", "meta"),
        (page(CHINESE, meta_charset("gb2312")), "gb2312", None, "gb18030", "meta"),
        (page(GERMAN, meta_charset("latin1")), "cp1252", None, "cp1252", "meta"),
        (
            "Türkiye'de seçim: Cumhurbaşkanı ağır bir yenilgi",
            "cp1254",
            "text/html; charset=iso-8859-9",
            "cp1254",
            "http",
        ),
        (page(RUSSIAN, meta_charset("windows-1251")), "cp1251", None, "cp1251", "meta"),
        (page(RUSSIAN, meta_charset("koi8-r")), "koi8_r", None, "koi8_r", "meta"),
        ('<?xml version="1.0" encoding="windows-1251"?>\n' + page(RUSSIAN), "cp1251", None, "cp1251", "xml"),
        (page(FRENCH, meta_charset("utf8")), "utf-8", None, "utf-8", "meta"),
        (page(FRENCH), "utf-8-sig", None, "utf-8-sig", "bom"),
        (page(KOREAN), "utf-16", None, "utf-16", "bom"),
        (page(FRENCH), "utf-8", None, "utf-8", "utf-8"),
        (page(FRENCH), "utf-16-le", "text/html; charset=utf-16le", "utf-16-le", "http"),
    ],
)
def test_declared_and_undeclared_pages_decode_to_the_original(
    html: str, codec: str, content_type: str | None, encoding: str, source: str
) -> None:
    decoded = decode_html(html.encode(codec), content_type)
    assert (decoded.text, decoded.encoding, decoded.source) == (html, encoding, source)
    assert decoded.reason is None
    assert count_mojibake(decoded.text) == 0


def test_header_wins_over_meta_when_they_disagree() -> None:
    html = page(FRENCH, meta_charset("euc-kr"))
    decoded = decode_html(html.encode("cp1252"), "text/html; charset=windows-1252")
    assert (decoded.text, decoded.source) == (html, "http")


def test_a_declaration_that_does_not_fit_passes_to_the_next_step() -> None:
    html = page(KOREAN, meta_charset("euc-kr"))
    decoded = decode_html(html.encode("euc-kr"), "text/html; charset=utf-8")
    assert (decoded.text, decoded.source) == (html, "meta")
    assert "http charset 'utf-8' does not fit" in decoded.detail


def test_a_legacy_declaration_over_valid_utf8_loses() -> None:
    # The server's default iso-8859-1 over a page that is UTF-8 would make mojibake of every accent.
    html = page(FRENCH, meta_charset("utf-8"))
    decoded = decode_html(html.encode(), "text/html; charset=ISO-8859-1")
    assert (decoded.text, decoded.encoding, decoded.source) == (html, "utf-8", "meta")
    assert "valid UTF-8" in decoded.detail


@pytest.mark.parametrize(
    ("html", "codec"),
    [
        (page(FRENCH), "cp1252"),
        (page(GERMAN), "cp1252"),
        (page(KOREAN), "euc-kr"),
        (page(JAPANESE), "shift_jis"),
        (page(CHINESE), "gbk"),
        (page(RUSSIAN), "cp1251"),
        (
            page("Prezydent powiedział, że rząd będzie współpracować z Komisją Europejską w sprawie łączności."),
            "cp1250",
        ),
        (page("Předseda vlády řekl, že česká ekonomika poroste a že ministerstvo připraví nový zákon."), "cp1250"),
    ],
)
def test_undeclared_legacy_pages_are_detected(html: str, codec: str) -> None:
    decoded = decode_html(html.encode(codec))
    assert (decoded.text, decoded.source) == (html, "detected")


def test_a_lying_meta_ends_up_readable() -> None:
    html = page(FRENCH, meta_charset("utf-8"))
    decoded = decode_html(html.encode("cp1252"))
    assert decoded.text == html
    assert (decoded.encoding, decoded.source) == ("cp1252", "detected")
    assert "meta charset 'utf-8' does not fit" in decoded.detail


def test_unknown_labels_fall_back() -> None:
    html = page(FRENCH, meta_charset("x-no-such-charset") + meta_charset("utf-7"))
    decoded = decode_html(html.encode(), "text/html; charset=bogus")
    assert (decoded.text, decoded.source) == (html, "utf-8")
    assert "'bogus' is unknown" in decoded.detail and "'x-no-such-charset' is unknown" in decoded.detail


def test_the_first_known_meta_counts_and_comments_do_not() -> None:
    head = (
        '<!-- <meta charset="koi8-r"> -->\n'
        + meta_charset("nonsense")
        + "\n<META HTTP-EQUIV=content-type CONTENT='text/html;charset=windows-1251'>"
        + meta_charset("utf-8")
    )
    html = page(RUSSIAN, head)
    decoded = decode_html(html.encode("cp1251"))
    assert (decoded.text, decoded.encoding, decoded.source) == (html, "cp1251", "meta")
    assert meta_charsets(html.encode("cp1251")) == ["nonsense", "windows-1251", "utf-8"]


def test_a_meta_past_the_prescan_window_is_not_read() -> None:
    html = page(FRENCH, "<!-- " + "x" * PRESCAN_BYTES + " -->" + meta_charset("koi8-r"))
    assert meta_charsets(html.encode("cp1252")) == []


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("ISO-8859-1", "cp1252"),
        (" latin1 ", "cp1252"),
        ("US-ASCII", "cp1252"),
        ("ascii", "cp1252"),
        ("UTF8", "utf-8"),
        ('"utf-8"', "utf-8"),
        ("EUC-KR", "cp949"),
        ("ks_c_5601-1987", "cp949"),
        ("Shift_JIS", "cp932"),
        ("x-sjis", "cp932"),
        ("sjis", "cp932"),
        ("GB2312", "gb18030"),
        ("GBK", "gb18030"),
        ("iso-8859-9", "cp1254"),
        ("TIS-620", "cp874"),
        ("x-mac-roman", "mac_roman"),
        ("x-mac-cyrillic", "mac_cyrillic"),
        ("big5", "big5hkscs"),
        ("windows-1256", "cp1256"),
        ("utf-7", None),
        ("x-user-defined", None),
        ("", None),
    ],
)
def test_labels_map_the_way_browsers_map_them(label: str, codec: str | None) -> None:
    assert codec_for_label(label) == codec


def test_every_mapped_codec_exists() -> None:
    for codec in set(ENCODING_LABELS.values()):
        codecs.lookup(codec)


@pytest.mark.parametrize(
    ("content_type", "label"),
    [
        ("text/html; charset=ISO-8859-1", "ISO-8859-1"),
        ('text/html;charset="utf-8"', "utf-8"),
        ("text/html; Charset = 'euc-kr' ; q=1", "euc-kr"),
        ("text/html", None),
        (None, None),
        ("text/html; charset=", None),
    ],
)
def test_charset_from_content_type(content_type: str | None, label: str | None) -> None:
    assert charset_from_content_type(content_type) == label


def test_broken_utf8_declared_as_utf8_is_replaced_and_said_so() -> None:
    good = page(FRENCH, meta_charset("utf-8")).encode()
    data = good.replace("négocier".encode(), b"n\xe9gocier")
    decoded = decode_html(data)
    assert decoded.text == good.decode().replace("négocier", "n\ufffdgocier")
    assert (decoded.encoding, decoded.source) == ("utf-8", "meta")
    assert "replaced with U+FFFD" in decoded.detail


def test_broken_utf8_without_a_declaration_is_refused() -> None:
    data = page(FRENCH).encode().replace("négocier".encode(), b"n\xe9gocier")
    decoded = decode_html(data)
    assert (decoded.text, decoded.reason) == (None, reasons.INVALID_UTF8)


def test_when_only_errors_remain_the_declared_codec_decodes_with_replacements() -> None:
    html = page(KOREAN, meta_charset("euc-kr"))
    data = html.encode("euc-kr").replace("연합뉴스".encode("euc-kr"), b"\xff\xff")
    decoded = decode_html(data)
    assert (decoded.encoding, decoded.source) == ("cp949", "meta")
    assert decoded.text == html.replace("연합뉴스", "\ufffd\ufffd")
    assert "errors replaced" in decoded.detail


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", reasons.EMPTY_FILE),
        (b"  \n ", reasons.EMPTY_FILE),
        (b"%PDF-1.7\n<html>", reasons.BINARY_CONTENT),
        (gzip.compress(b"<html></html>"), reasons.BINARY_CONTENT),
        (b"<html>\x00\x01\x02</html>" * 10, reasons.BINARY_CONTENT),
    ],
)
def test_html_refusals(data: bytes, reason: str) -> None:
    decoded = decode_html(data, "text/html; charset=utf-8")
    assert (decoded.text, decoded.reason) == (None, reason)
    assert decoded.detail


# --- gzip -----------------------------------------------------------------------------------------


def test_gunzip_round_trip() -> None:
    html = page(FRENCH, meta_charset("utf-8")).encode()
    assert maybe_gunzip(gzip.compress(html), max_bytes=len(html)) == html
    assert maybe_gunzip(gzip.compress(html[:100]) + gzip.compress(html[100:]), 10_000) == html  # two members
    assert maybe_gunzip(html, max_bytes=1) == html  # not gzip: as it is


def test_gunzip_refuses_a_bomb_without_inflating_it() -> None:
    bomb = gzip.compress(b"\0" * 50_000_000)
    assert len(bomb) < 100_000
    with pytest.raises(DecompressionRefused) as refused:
        maybe_gunzip(bomb, max_bytes=1_000_000)
    assert refused.value.reason == reasons.DECOMPRESSED_TOO_LARGE
    with pytest.raises(DecompressionRefused):
        maybe_gunzip(gzip.compress(b"x" * 101), max_bytes=100)
    assert maybe_gunzip(gzip.compress(b"x" * 100), max_bytes=100) == b"x" * 100


@pytest.mark.parametrize(
    "data", [gzip.compress(b"<html>" * 1000)[:-30], b"\x1f\x8b\x08\x00garbage that is not deflate"]
)
def test_gunzip_refuses_a_bad_stream(data: bytes) -> None:
    with pytest.raises(DecompressionRefused) as refused:
        maybe_gunzip(data, max_bytes=1_000_000)
    assert refused.value.reason == reasons.BAD_GZIP
    assert refused.value.detail


def test_reason_codes_are_registered() -> None:
    assert {reasons.BAD_GZIP, reasons.DECOMPRESSED_TOO_LARGE} <= set(reasons.ALL)
