"""Precision of the whole boilerplate catalogue on real article text.

Every line of the gold article bodies of two public extraction benchmarks (shared/data/extraction:
scrapinghub and readability, JSON lines with a "body") goes through `match_line` with every rule.
The bodies are what a good extractor keeps, so a rule that touches one of their lines either found
boilerplate the gold kept (a byline, a photo credit, "Continue reading the main story"), listed
below line by line, or removed article text, which fails here with the lines printed. Without the
benchmarks those tests skip; hand-written article lines in the seven rule languages, full of the
rules' marker words, are checked all the same.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from tests.conftest import EXTRACTION
from transforms.text.rules import LineVerdict, load_rules, match_line

GOLD_DIR = EXTRACTION
GOLD_FILES = (GOLD_DIR / "scrapinghub" / "gold.jsonl", GOLD_DIR / "readability" / "gold.jsonl")

needs_gold = pytest.mark.skipif(
    not all(p.is_file() for p in GOLD_FILES), reason=f"gold article bodies not found under {GOLD_DIR}"
)

LONG_LINE_WORDS = 12  # a line this long is a sentence: no "line" rule may remove it
LONG_LINE_CJK_CHARS = 30  # the same for Chinese, Japanese and Korean text, which has few spaces
MAX_REMOVED_SHARE = 0.02  # at most 2% of the gold lines may go (0.97% do: all listed below), only listed ones

# Gold lines that are boilerplate all the same: the benchmarks' bodies keep bylines, credits and
# widgets of the page. Each one is allowed to be touched (removed, or a marker cut off).
KNOWN_BOILERPLATE = frozenset(
    {
        # advertisement: affiliate disclosures and a sponsored-links widget
        "BGR may receive a commission",
        "FTC: We use income earning auto affiliate links. More.",
        "Promoted By Zergnet",
        # byline: bylines, wire credits and "contributed to this report" lines
        "By David Streitfeld",
        "By Jonathan Corbet",
        "By Nathan Willis",
        "By Pam Belluck",
        "By Tara Parker-Pope",
        "Abigail Williams and Beomsu Jo contributed.",
        "Aerospace Writer Marcia Dunn in Cape Canaveral, Florida, and Vladimir Isachenkov in Moscow contributed to this "  # noqa: E501
        "report.",
        "Heba Habib contributed to this report.",
        "Posted on Tuesday 15 October 2019 at 09:11 by Bradley M. Kuhn.",
        "Tuesday 15 October 2019 by Bradley M. Kuhn",
        "(Reporting by Will Dunham; Editing by Tom Brown)",
        "Por Josh Max",
        "Por Rachel Strugatz",
        "Por Shira Ovide",
        "정덕현 칼럼니스트 thekian1@entermedia.co.kr",
        "칼럼니스트 박생강 pillgoo9@gmail.com",
        # comment widgets: a blog's and LWN's comment section
        "Post a comment",
        "2 comments on “These Weeks in Firefox: Issue 85”",
        "Comments (3 posted)",
        "Comments (5 posted)",
        "Comments (74 posted)",
        "Reply",
        # contact lines: the authors' addresses closing an Internet-Draft
        "Email: fkooman@tuxed.net",
        "Email: michiel@michielbdejong.com",
        # copyright and reprint notices
        "Originally published on Live Science.",
        "This article originally appeared on The Atlantic.",
        "This article was originally published by Futurism. Read the original article.",
        "This article was reprinted on Wired.com.",
        "© 2019 Associated Press. All Rights Reserved. This material may not be published, broadcast, rewritten, or "
        "redistributed.",
        "Copyright (c) 2014 IETF Trust and the persons identified as the",  # first half of the draft's notice
        "Copyright 2019 Hawaii News Now. All rights reserved.",
        "© 2002, 2003 Jamie Zawinski",
        "© Provided by Business Insider Inc",
        "© Regan",
        "© Reuters",
        # newsletter prompts
        "SIGN UP FOR OUR NEWSLETTER",
        # photo credits
        "Devindra Hardawar/AOL",
        "JIM WATSON/AFP/Getty Images",
        "Kane Skennar/Photodisc/Getty Images",
        "Mark Stout/iStock/Getty Images",
        "Mike Watson Images/Moodboard/Getty",
        "Spencer Platt/Getty Images News/Getty Images",
        "Thomas Jackson/Digital Vision/Getty Images",
        "evgenyb/iStock/Getty Images",
        "jethuynh/iStock/Getty Images",
        "(All photos: Atlas staff)",
        "(Bild: Hersteller)",
        "(Image credit: All About Space)",
        "(Mike Watson Images/Moodboard/Getty)",
        "[사진=JTBC, 이매진아시아]",
        "[사진=MBC, SBS]",
        "Fernando Caudevilla, AKA DoctorX. Photo: Joseph Cox",  # only the credit is cut off the caption
        "Credit Ashraf Shazly/Agence France-Presse — Getty Images",
        "Credit Harry Campbell",
        "CreditBianca Bagnarelli",
        "CreditCari Vander Yacht",
        "CreditCharlie Rubin para The New York Times",
        "CreditChristopher Lee para The New York Times",
        "CreditCooper Neill para The New York Times",
        "CreditDanielle Chenette",
        "CreditDustin Chambers para The New York Times",
        "CreditEllen Surrey",
        "CreditErik Carter",
        "CreditFotoilustraciones de Andrew B. Myers para The New York Times",
        "CreditFotoilustración de Andrew B. Myers para The New York Times",
        "CreditJason Andrew para The New York Times",
        "CreditJenn Ackerman para The New York Times",
        "CreditJenny Hueston",
        "CreditJohnathon Kelso for The New York Times",
        "CreditKevin Frayer/Getty Images",
        "CreditKim Raff for The New York Times",
        "CreditPete Marovich para The New York Times",
        "CreditPhoto Illustration by Andrew B. Myers for The New York Times",
        "CreditTed + Chelsea Cavanaugh para The New York Times",
        "Image Source: Neil Godwin / Future Publishing/Shutterstock",
        "Main image credit: Getty",
        "Foto: LA NACION",
        "Photo: Joseph Cox",
        "Photo by James Martin/CNET",
        "Photo by Joan Bardeletti",
        "Photo by Ricardo Gomez Angel",
        # related-article teasers: the line, or only its marker ("Related:", "Lire aussi :")
        "Continue reading the main story",
        "Read more:",
        "Related Searches",
        "UP NEXT",
        "Related: Chicago is America's most segregated city",
        "Related: Rich are paying more in taxes but not as much as they used to",
        "Más en Especial ›",
        "Más en Opinión ›",
        "Lire aussi : Les critiques de la CNIL contre le projet de loi sur le renseignement",
        "See more photos:",
        "Don't Miss",
        # calls to action: newsletters, "click here"
        "Sign up for Command Line, a paid weekly newsletter from Alex Heath about the tech industry’s inside "
        "conversation. Your first month is free!",
        "Click here to get more information or download this game.",
        "Click here for the second half of this epic story.",
        # share and follow rows
        "Follow Backchannel: Twitter",
        "Follow NBC Latino on Facebook, Twitter and Instagram.",
        "Share",  # a video player's button row
        # time stamps
        "(Published Monday, Nov. 18, 2019)",
        "Last updated September 14, 2016",
    }
)

# Long lines that are boilerplate all the same; a "line" rule may remove these and no other long line.
LONG_BOILERPLATE = frozenset(
    {
        "Aerospace Writer Marcia Dunn in Cape Canaveral, Florida, and Vladimir Isachenkov in Moscow contributed to this "  # noqa: E501
        "report.",  # the AP contributor line
        "© 2019 Associated Press. All Rights Reserved. This material may not be published, broadcast, rewritten, or "
        "redistributed.",  # the AP copyright notice
        "Posted on Tuesday 15 October 2019 at 09:11 by Bradley M. Kuhn.",  # a blog post's dated byline
        # teasers: marker and headline go as one line (web_promo_rules.toml)
        "Related: Rich are paying more in taxes but not as much as they used to",
        "Lire aussi : Les critiques de la CNIL contre le projet de loi sur le renseignement",
        "Sign up for Command Line, a paid weekly newsletter from Alex Heath about the tech industry’s inside "
        "conversation. Your first month is free!",  # a newsletter call to action
    }
)

# Article text that a rule removes today: each is a bug to fix in the rule, marked so that the fix
# turns the xfail into a pass that must then be moved out of this list.
KNOWN_FALSE_POSITIVES: dict[str, str] = {
    # (fixed: "Comment", a table's column header in readability/dropbox-blog, was taken by
    # comment_widget.call_to_comment; a bare singular "Comment" is no longer a widget line)
}

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
SCOPES = {rule.id: rule.scope for rule in load_rules()}


@cache
def _gold_lines() -> tuple[str, ...]:
    lines: list[str] = []
    for path in GOLD_FILES:
        for record in path.read_text(encoding="utf-8").splitlines():
            body = json.loads(record).get("body") or ""
            lines += [line.strip() for line in body.splitlines() if line.strip()]
    return tuple(lines)


@cache
def _touched() -> tuple[tuple[str, LineVerdict], ...]:
    """Every gold line some rule touched, with the verdict. Datelines are prefixes kept on purpose."""
    touched = []
    for line in _gold_lines():
        verdict = match_line(line, in_tail=False)
        if any(hit.category != "dateline" for hit in verdict.hits):
            touched.append((line, verdict))
    return tuple(touched)


def _is_long(line: str) -> bool:
    return len(line.split()) >= LONG_LINE_WORDS or len(CJK.findall(line)) >= LONG_LINE_CJK_CHARS


def _report(rows: list[tuple[str, LineVerdict]]) -> str:
    return "\n".join(
        f"  {', '.join(h.rule_id for h in verdict.hits)}: {line!r} -> kept {verdict.kept!r}" for line, verdict in rows
    )


@needs_gold
def test_gold_bodies_are_read() -> None:
    assert len(_gold_lines()) > 10_000


@needs_gold
def test_no_long_gold_line_is_removed_by_a_line_rule() -> None:
    offenders = [
        (line, verdict)
        for line, verdict in _touched()
        if _is_long(line) and line not in LONG_BOILERPLATE and any(SCOPES[h.rule_id] == "line" for h in verdict.hits)
    ]
    assert not offenders, f"{len(offenders)} sentences of gold article text removed whole:\n{_report(offenders)}"


@needs_gold
def test_prefix_and_inline_rules_cut_only_short_pieces() -> None:
    offenders = [
        (line, verdict) for line, verdict in _touched() if verdict.kept and any(_is_long(h.text) for h in verdict.hits)
    ]
    assert not offenders, f"{len(offenders)} long pieces cut out of gold lines:\n{_report(offenders)}"


@needs_gold
def test_rules_touch_only_known_boilerplate_in_gold_bodies() -> None:
    unknown = [
        (line, verdict)
        for line, verdict in _touched()
        if line not in KNOWN_BOILERPLATE and line not in KNOWN_FALSE_POSITIVES
    ]
    assert not unknown, (
        f"{len(unknown)} gold lines touched that are not listed as boilerplate (list them in KNOWN_BOILERPLATE "
        f"if they truly are, else tighten the rule):\n{_report(unknown)}"
    )


@needs_gold
def test_share_of_gold_lines_removed_is_tiny() -> None:
    removed = [line for line, verdict in _touched() if not verdict.kept]
    assert len(removed) / len(_gold_lines()) < MAX_REMOVED_SHARE, f"{len(removed)} of {len(_gold_lines())} removed"


@needs_gold
def test_listed_boilerplate_still_occurs_in_the_gold_bodies() -> None:
    gold = set(_gold_lines())
    stale = sorted((KNOWN_BOILERPLATE | LONG_BOILERPLATE | set(KNOWN_FALSE_POSITIVES)) - gold)
    assert not stale, f"listed lines no longer in the gold bodies: {stale}"


@needs_gold
@pytest.mark.parametrize(
    "line",
    [
        pytest.param(line, marks=pytest.mark.xfail(strict=True, reason=f"{rule} removes it"), id=rule)
        for line, rule in KNOWN_FALSE_POSITIVES.items()
    ],
)
def test_known_false_positives_are_article_text(line: str) -> None:
    assert match_line(line, in_tail=False).kept == line


# Article text in the rule languages that carries the rules' marker words: no rule may touch it.
ARTICLE_LINES = {
    "en": [
        "Share prices fell 4% on Monday after the announcement.",
        "The company said it would share the data.",
        "Advertisement spending rose 4% last year.",
        "By the end of the year, prices had doubled.",
        "By Popular Demand",
        "Print sales declined for the tenth straight year.",
        "Email remains the main channel for phishing attacks.",
        "Related stories had appeared in the local press for weeks.",
        "Read more books, the minister urged pupils.",
        "Updated guidance was published on March 12, 2024.",
        "Published in 2019, the report found 40% were underpaid.",
        "We use cookies to track people across the web, the engineer admitted.",
        "Credit Suisse shares fell 5%.",
        "Follow the money.",
        "Contact with the patient was limited.",
        "Most popular",
        "Date: Saturday, March 14, 2020",
        "Reporting by the Times found that the agency had ignored warnings.",
        "Published: 1999",
        "Sponsored by the state, the program reached 4,000 children.",
        "Advertising",
        "Credit Where Credit Is Due",
        "Comments from the minister drew criticism on Friday.",
        "Continue reading the report, the judge told the clerk.",
        "All rights reserved for the owners, he argued.",
        "Originally published in 1851, the novel sold poorly.",
        "Illustrations by children were displayed at the town hall until Friday.",
        "No comment",
    ],
    "de": [
        "Er las mehr als zwanzig Bücher.",
        "Lesen Sie auch die Packungsbeilage, rät der Apotheker.",
        "Mehr zum Thema Klimaschutz will die Regierung im Herbst vorlegen.",
        "Sie teilen die Sorge der Regierung.",
        "Von Montag an gilt die neue Regel.",
        "Anzeige gegen Unbekannt erstattet, teilte die Polizei mit.",
        "Werbung für Tabak ist in Deutschland weitgehend verboten.",
        "Der Newsletter erscheint zweimal pro Woche.",
        "Diese Website verwendet Cookies ohne Einwilligung, kritisierte der Datenschutzbeauftragte.",
        "Stand: Die Verhandlungen laufen weiter.",
        "Stand: 2:1",
        "Kontakt zur Presse hatte der Minister nicht.",
        "Bilder: Die Ausstellung zeigt Werke von Klee und Kandinsky.",
        "Von Berlin aus fuhr er weiter nach Prag.",
        "Antworten auf diese Fragen gibt es bislang nicht.",
        "Folgen Sie uns auf dem Weg durch die Altstadt, sagte sie.",
    ],
    "fr": [
        "Les deux pays veulent partager les données.",
        "Par ailleurs, le gouvernement a annoncé une réforme.",
        "Publicité mensongère : l'entreprise a été condamnée.",
        "Lire aussi la presse étrangère aide, estime-t-il.",
        "Ce site utilise des cookies sans consentement, selon la CNIL.",
        "Publié en 2019, le rapport a fait scandale.",
        "Mis à jour régulièrement, le site compte 3 millions de visiteurs.",
        "Il a refusé d'imprimer le rapport.",
        "Répondre à cette question n'est pas simple, admet-il.",
        "Contact : le ministre n'a pas répondu.",
        "Crédit : les banques ont resserré les conditions d'octroi.",
        "Par la suite, il a démissionné.",
    ],
    "es": [
        "Por primera vez, el equipo ganó el título.",
        "Los socios deben compartir los costes del proyecto.",
        "Publicidad engañosa: la empresa fue multada.",
        "Te puede interesar más de lo que crees, dijo el ministro.",
        "Más información sobre el caso será publicada el lunes.",
        "Publicado en 2019, el libro fue un éxito.",
        "Este sitio web utiliza cookies ilegalmente, denunció la asociación.",
        "Síguenos en esta aventura, dijo.",
        "Actualizado el censo, el Gobierno revisará las ayudas.",
        "El diario tiene 200.000 suscriptores.",
        "Foto de familia de los líderes del G20 en Roma.",
        "Por Qué Importa",
        "Por eso el Gobierno decidió actuar.",
    ],
    "pt": [
        "Por outro lado, o governo manteve a proposta.",
        "Os dois países vão compartilhar informações.",
        "Publicidade infantil será proibida, decidiu o Congresso.",
        "Leia também o contrato antes de assinar.",
        "Este site usa cookies sem consentimento, afirmou o Procon.",
        "Publicado em 2019, o livro virou filme.",
        "Siga as instruções das autoridades, disse o prefeito.",
        "Divulgação dos resultados será na segunda-feira.",
        "Arte: a exposição reúne obras de Portinari.",
        "Saiba mais sobre você mesmo, diz a terapeuta.",
    ],
    "ko": [
        "정부는 관련 정보를 공유하기로 했다.",
        "김 기자는 당시 현장에 있었다고 말했다.",
        "광고 시장이 빠르게 위축되고 있다.",
        "관련 기사를 보면 정부의 입장이 드러난다.",
        "유료 구독자 수가 100만 명을 넘었다.",
        "입력 오류가 발생했다.",
        "이 사이트는 쿠키를 사용해 개인정보를 수집한 혐의를 받고 있다.",
        "댓글 조작 의혹에 대해 경찰이 수사에 착수했다.",
        "사진 제공을 거부한 이유는 밝혀지지 않았다.",
        "기자회견이 열렸다.",
        "무단 전재 금지 규정을 어긴 업체가 적발됐다.",
        "제보를 받은 경찰이 현장에 출동했다.",
        "인쇄 비용이 크게 올랐다.",
        "주요 뉴스",
    ],
    "ja": [
        "政府はデータを各国とシェアする方針だ。",
        "記者会見で首相は辞任を否定した。",
        "広告収入は前年比で5％減った。",
        "関連記事によると、会議は延期された。",
        "購読者数は前年比で10％減少した。",
        "更新日時は公表されていない。",
        "当サイトではクッキーを使用していたことが分かった。",
        "2024年3月12日、政府は新たな方針を発表した。",
        "写真を撮影したのは記者だった。",
        "首相は会見で発表した（写真）。",
        "公開：2024年3月15日",
        "彼は新聞記者だった。",
        "無断転載を禁じる規定が改正された。",
        "印刷代が値上がりした。",
    ],
    # once removed by credit and copyright patterns that took any clause (fixed: a credit is at
    # most six words and does not open like a sentence; a publisher does not start with a digit)
    "fixed": [
        "Image: the president said the country would never surrender",
        "写真：首相は記者会見で辞任を否定した",
        "Photos by amateurs flooded social media after the blast",
        "Copyright 2021 was a record year for filings",
    ],
}
# Article text that a rule removes today: each a bug to fix, marked so that the fix shows.
KNOWN_ARTICLE_FALSE_POSITIVES: dict[str, str] = {}


@pytest.mark.parametrize(
    "line",
    [
        pytest.param(line, id=f"{language}-{i}")
        for language, lines in ARTICLE_LINES.items()
        for i, line in enumerate(lines)
    ]
    + [
        pytest.param(line, marks=pytest.mark.xfail(strict=True, reason=f"{rule} removes it"), id=rule)
        for line, rule in KNOWN_ARTICLE_FALSE_POSITIVES.items()
    ],
)
def test_article_lines_with_marker_words_are_kept(line: str) -> None:
    verdict = match_line(line, in_tail=False)
    assert [h.rule_id for h in verdict.hits] == []
    assert verdict.kept == line
