"""decode_html's two shortcuts (issue 15's cost point) give what the slow way gives: the control
bytes counted with `bytes.translate` instead of a regex scan, and the UTF-8 reading reused for a
page that declares UTF-8 instead of decoding it twice."""

from __future__ import annotations

import re

import pytest

import transforms.documents.decoding as decoding
from tests.conftest import sample_pages
from transforms.documents.decoding import CONTROL_BYTES, HTML_CONTROL_BYTES, _byte_class, decode_html, decode_text

PAGES_PER_SET = 40
SAMPLES = [
    b"",
    b"plain ascii",
    bytes(range(256)) * 3,
    b"\x00\x01\x1b\x1f\x7f\x80\xff text \x0b\x0c\r\n\t",
    b"\x1b$B ISO-2022-JP escapes \x1b(B" * 50,
    b"a" * 70000 + b"\x01" * 10,  # control bytes past the 64 KiB checked
]


@pytest.mark.parametrize("pattern", [CONTROL_BYTES, HTML_CONTROL_BYTES])
@pytest.mark.parametrize("data", SAMPLES)
def test_translate_counts_what_findall_counts(pattern: re.Pattern[bytes], data: bytes) -> None:
    head = data[: decoding.BINARY_CHECK_BYTES]
    assert len(head) - len(head.translate(None, _byte_class(pattern))) == len(pattern.findall(head))


def test_the_byte_classes() -> None:
    assert _byte_class(HTML_CONTROL_BYTES) == bytes([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
    assert _byte_class(CONTROL_BYTES) == bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])


def _slow_refusal(data: bytes, control_bytes: re.Pattern[bytes], allow_nul: bool = False) -> object:
    """decode's binary check as it was: the control bytes counted with findall."""
    for magic in decoding.BINARY_MAGIC:
        if data.startswith(magic):
            return decoding._refuse(decoding.reasons.BINARY_CONTENT, f"starts with the signature {magic!r}")
    if allow_nul:
        return None
    head = data[: decoding.BINARY_CHECK_BYTES]
    n_control = len(control_bytes.findall(head))
    if b"\x00" in head or n_control > decoding.MAX_CONTROL_SHARE * len(head):
        return decoding._refuse(decoding.reasons.BINARY_CONTENT, f"{n_control} control bytes in the first 64 KiB")
    return None


def _inputs() -> list[tuple[bytes, str | None]]:
    found: list[tuple[bytes, str | None]] = [(s, None) for s in SAMPLES]
    found += [
        (b'<meta charset="utf-8"><p>caf\xc3\xa9</p>', None),
        (b'<meta charset="utf-8"><p>caf\xe9 (not UTF-8)</p>', None),
        (b"<p>caf\xc3\xa9</p>", "text/html; charset=UTF-8"),
        (b"<p>caf\xc3\xa9</p>", "text/html; charset=iso-8859-1"),
        (b'<meta charset="windows-1252"><p>caf\xe9</p>', None),
        (b'<?xml version="1.0" encoding="utf-8"?><p>caf\xc3\xa9</p>', None),
        (b"<p>" + b"\x01" * 20 + b"</p>", None),
    ]
    found += [(p.read_bytes(), None) for p in sample_pages(PAGES_PER_SET)]
    return found


def test_decode_html_and_text_as_the_slow_way(monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _inputs()
    fast = [(decode_html(data, content_type), decode_text(data)) for data, content_type in inputs]

    monkeypatch.setattr(decoding, "_binary_refusal", _slow_refusal)
    slow = [(decode_html(data, content_type), decode_text(data)) for data, content_type in inputs]
    assert fast == slow
    assert sum(d.source == "meta" for d, _ in fast) > 20
    for (data, _), (decoded, _) in zip(inputs, fast, strict=True):  # the declared codec's own reading
        if decoded.source in ("http", "meta", "xml"):
            assert decoded.text == data.decode(decoded.encoding)


def test_a_declared_utf8_page_reads_as_the_bytes_decoded() -> None:
    data = '<meta charset="utf-8"><p>café — ok</p>'.encode()
    decoded = decode_html(data)
    assert (decoded.text, decoded.encoding, decoded.source) == (data.decode("utf-8"), "utf-8", "meta")
    broken = b'<meta charset="utf-8"><p>caf\xe9</p>'
    assert decode_html(broken).source != "meta"  # the declaration does not fit: passed over as before
