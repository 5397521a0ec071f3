"""Sidecar files and manifest rows: checked values, one bad value makes the whole sidecar bad."""

from __future__ import annotations

import json

import pytest

from transforms.metadata.sidecars import BadSidecar, Sidecar, parse_manifest, parse_sidecar, sidecar_names


def _json(values: object) -> bytes:
    return json.dumps(values).encode("utf-8")


def test_a_good_sidecar() -> None:
    sidecar = parse_sidecar(
        _json(
            {
                "url": "https://example.com/2024/03/05/story",
                "source": "Deutsche Welle",
                "published_at": "2024-03-05T10:00:00+01:00",
                "modified_at": "2024-03-06",
                "language": "en-GB",
                "authors": ["By Jane Doe", " "],
            }
        )
    )
    assert sidecar == Sidecar(
        "https://example.com/2024/03/05/story", "dw", "2024-03-05T10:00:00+01:00", "2024-03-06", "en", ("By Jane Doe",)
    )
    assert parse_sidecar(b"\xef\xbb\xbf{}") == Sidecar()  # a BOM is fine, an empty object says nothing
    assert parse_sidecar(_json({"authors": "Jane Doe"})).authors == ("Jane Doe",)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b'{"published_at": "2024-03-05", ', "not UTF-8 JSON"),
        (b"\xff\xfe{}", "not UTF-8 JSON"),
        (_json(["a list"]), "expected a JSON object"),
        (_json({"publishedAt": "2024-03-05"}), "unknown key"),
        (_json({"published_at": "last Friday"}), "published_at: not an ISO 8601"),
        (_json({"modified_at": 20240305}), "modified_at: expected a string"),
        (_json({"url": "ftp://example.com/x"}), "url: not an http"),
        (_json({"source": "The Daily Nowhere"}), "source: 'The Daily Nowhere' is not in"),
        (_json({"language": "English"}), "language: not an ISO 639 code"),
        (_json({"authors": [1, 2]}), "authors: expected a list of strings"),
    ],
)
def test_a_bad_sidecar_says_why(data, why) -> None:
    with pytest.raises(BadSidecar, match=why):
        parse_sidecar(data)


def test_a_sidecar_over_a_manifest_row() -> None:
    row = Sidecar(url="https://example.com/a", published_at="2024-03-05", language="de")
    merged = Sidecar(published_at="2024-03-06", authors=("Jane Doe",)).over(row)
    assert merged == Sidecar("https://example.com/a", None, "2024-03-06", None, "de", ("Jane Doe",))


def test_sidecar_names() -> None:
    assert sidecar_names("story.txt") == ("story.txt.json", "story.json")
    assert sidecar_names("page.html.gz") == ("page.html.gz.json", "page.json")


def test_manifest_rows_and_the_rows_that_cannot_be_used() -> None:
    rows, problems = parse_manifest(
        "\ufeffPath,URL,Source,Published_At,Language,Authors\n"
        "a.txt,https://example.com/a,reuters,2024-03-05,en,Jane Doe;John Roe\n"
        "b.txt,,,,,\n"
        ",,,2024-03-05,,\n"
        "c.txt,,,next week,,\n"
    )
    assert [(r.line, r.path, r.sidecar) for r in rows] == [
        (2, "a.txt", Sidecar("https://example.com/a", "reuters", "2024-03-05", None, "en", ("Jane Doe", "John Roe"))),
        (3, "b.txt", Sidecar()),
        (5, "c.txt", None),  # its values cannot be used; the file is still named
    ]
    assert [line for line, _ in problems] == [4, 5]
    assert "published_at" in problems[1][1]


def test_a_manifest_without_a_path_column() -> None:
    rows, problems = parse_manifest("url,published_at\nhttps://example.com/a,2024-03-05\n")
    assert rows == [] and problems[0][0] == 1 and "path" in problems[0][1]
