from __future__ import annotations

import pytest

from transforms import reasons
from transforms.decoding import decode_text

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
    [(KOREAN, "euc-kr"), (GERMAN, "cp1252"), ("Le président a déclaré qu’il était prêt à négocier.", "cp1252"),
     ("政府は28日、北朝鮮がミサイルを発射したと発表した。記者が現場で取材した。", "shift_jis")],
)
def test_legacy_encodings_are_detected_and_decoded(text: str, codec: str) -> None:
    decoded = decode_text(text.encode(codec))
    assert decoded.reason is None
    assert decoded.text == text
    assert decoded.encoding and decoded.encoding.replace("-", "_") != "utf_8"


@pytest.mark.parametrize(("data", "encoding"), [("Zoë’s café".encode(), "utf-8"),
                                                ("Zoë’s café".encode("utf-8-sig"), "utf-8-sig"),
                                                ("Zoë’s café".encode("utf-16"), "utf-16")])
def test_unicode_inputs(data: bytes, encoding: str) -> None:
    decoded = decode_text(data)
    assert (decoded.text, decoded.encoding) == ("Zoë’s café", encoding)
