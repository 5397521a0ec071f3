from __future__ import annotations

import pytest

from transforms.text.mojibake import count_mojibake


def utf8_read_as(text: str, codec: str = "cp1252") -> str:
    return text.encode("utf-8").decode(codec, errors="replace")


@pytest.mark.parametrize(
    "text",
    [
        "À la une",
        "São Paulo",
        "Straße",
        "SÃO PAULO",
        "AÇÃO, INFORMAÇÕES, CORAÇÃO, AMANHÃ ",
        "Der Bürgermeister sagte: „Das ist groß“ – über Fuß…",
        # é + no-break space + » is valid UTF-8 (for 逻) by accident
        "Il a été\u00a0» puis «\u00a0déjà\u00a0» et c’était à\u00a0«\u00a0vérifier\u00a0»",
        "L’ÉTÉ\u00a0? CAFÉ… «LLEGÓ» PERÚ» PIÙ” COSÌ…",
        "정부는 28일 북한이 미사일을 발사했다고 밝혔다.",
        "政府は28日、北朝鮮がミサイルを発射したと発表した。",
        "中国政府今天宣布，将进一步扩大对外开放。",
        "Правительство заявило сегодня",
        "Ελληνικά νέα",
        "الأخبار العربية",
        "Tiếng Việt",
        "Kraków i Łódź; Předseda vlády řekl; România și Moldova",
        "m² 20°C ±3 ½ «Oui» © 2024 ® ™ €5 ¥100 £3",
        "——————— ……………",
        "Dansk: æøå ÆØÅ; Deutsch: äöü ÄÖÜ ß",
        "",
    ],
)
def test_clean_text_has_no_mojibake(text: str) -> None:
    assert count_mojibake(text) == 0


@pytest.mark.parametrize(
    ("broken", "count"),
    [
        ("cafÃ©", 1),
        ("lâ€™Ã©tÃ© â€œquotedâ€\x9d", 5),
        ("StraÃŸe, KÃ¶ln, ZÃ¼rich, MÃ¤rz", 4),
        ("Ã\u00a0 la", 1),
        ("HelloÂ\u00a0world", 1),
        ("HelloÂ world", 1),
        ("x â€“ y â€” z â€¦", 3),
        ("5 â‚¬ and â„¢", 2),
        ("x â€ y", 1),
        ("bad \ufffd\ufffd bytes", 2),
        ("â€\ufffd", 1),
        ("ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€", 9),
        ("æ—¥æœ¬èªž", 3),
        ("Tiáº¿ng Viá»‡t", 2),
        ("È˜i È›ara", 2),
        ("ðŸ‘\x8d", 1),
        ("eÌ\x81te\u00cc\x81", 2),  # decomposed é read as Latin-1
        ("Ã©Ã¨Ã\u00a0", 3),
        ("Ã©Ã¨Ã ", 2),  # "Ã" + a plain space is left alone: Portuguese "AMANHÃ "
        ("ÃƒÂ©", 2),  # double-encoded é
    ],
)
def test_utf8_read_as_cp1252_is_counted(broken: str, count: int) -> None:
    assert count_mojibake(broken) == count


@pytest.mark.parametrize(
    "text",
    [
        "Le président a déclaré “qu’il était prêt” à négocier – coût : 5 €.",
        "Der Bürgermeister sagte: „Wir sind bereit“ – über Straßen und Brücken.",
        "Правительство заявило сегодня",
        "日本語のテキスト",
        "Tiếng Việt",
    ],
)
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_every_misread_text_counts(text: str, codec: str) -> None:
    assert count_mojibake(utf8_read_as(text, codec)) >= 2


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("정부는 북한이 미사일을 발사했다고 밝혔다", "euc-kr"),
        ("これは日本語の文章です", "shift_jis"),
        ("中国政府今天宣布", "gbk"),
    ],
)
def test_east_asian_double_byte_text_read_as_cp1252_is_counted(text: str, codec: str) -> None:
    broken = text.encode(codec).decode("cp1252", errors="replace")
    assert count_mojibake(broken) >= len(text.replace(" ", "")) // 2


def test_the_prefilter_skips_no_text_with_a_mark() -> None:
    """count_mojibake's pre-filter (MAY_HAVE_MOJIBAKE) gives the full count on texts drawn from the characters of
    every mark and of clean text in several scripts, curly quotes and dashes included."""
    import random

    from transforms.text.mojibake import CP1252_SPECIALS, _count

    pool = list("ab ,.\n’“”–—…€ÃÂâ©é®ß\u00a0\u0080\u009d\ufffdПр逻정") + list(CP1252_SPECIALS)
    samples = [utf8_read_as("Ça coûte 5 € — “déjà”"), utf8_read_as("정부는", "cp1252"), "plain ascii", ""]
    rng = random.Random(20)
    samples += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    assert sum(_count(s) > 0 for s in samples) > 1000  # the draw has marks to miss
    assert [count_mojibake(s) for s in samples] == [_count(s) for s in samples]
