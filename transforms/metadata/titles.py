"""An article's headline from the page's title candidates, without the site's name. Pure.

Candidates: `og:title`, `twitter:title`, JSON-LD `headline`, the `<h1>`, `<title>`, and the
extractor's title (`transforms.metadata.page_markup`, trafilatura). Each is cut at its
separators (" | ", " - ", " – ", " — ", " · ", " :: ", " » "), and a first or last piece that
names the site goes: one that matches a site name the page gives (`og:site_name`, the
publisher's name), the registrable domain's label ("Techcrunch" on techcrunch.com), or an affix
that the batch's other titles from the same domain share (learned per domain, `site_affixes`).
The headline is the first candidate in `TITLE_ORDER` that is left with text; the order was
chosen by bench/metadata_rules.py on one wcxb half and reported on the other (BENCHMARKS.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from rapidfuzz import fuzz

# Most trusted first: what both wcxb halves chose, each for the other (bench/metadata_rules.py)
TITLE_ORDER = ("h1", "og_title", "twitter_title", "jsonld", "extractor", "title")
# Sources taken only when another title holds their text. Measured (bench/metadata_rules.py): an
# <h1> held so scores 0.512 on readability against 0.488, but both wcxb halves choose the <h1> as
# it is (0.786 and 0.817 out of half): the wcxb-tuned rule ships, readability's figure is out of set.
CORROBORATE: frozenset[str] = frozenset()
SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|::|»|/)\s+|\s*\|\s*")
SITE_MATCH = 88  # rapidfuzz ratio (0-100) at which a piece is the site's name
MIN_AFFIX_TITLES = 2  # a piece is a learned site affix when this many pages of the domain share it


def comparable(text: str) -> str:
    """Case-folded letters and digits only: "Google Cloud" and "GOOGLE-CLOUD" compare equal."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def pieces(title: str) -> list[str]:
    return [p.strip() for p in SEPARATOR.split(title) if p.strip()]


def _names_site(piece: str, site_names: Sequence[str], domain: str | None) -> bool:
    key = comparable(piece)
    if not key:
        return True
    names = [comparable(n) for n in site_names if comparable(n)]
    if domain:
        label = domain.split(".")[0]
        names += [comparable(label), comparable(domain)]
    for name in names:
        if key == name or fuzz.ratio(key, name) >= SITE_MATCH:
            return True
        if len(name) >= 4 and (key.startswith(name) or key.endswith(name)) and len(key) <= len(name) + 6:
            return True  # "BBC News" against "BBC", "Reuters.com" against "Reuters"
    return False


def site_affixes(pages: Iterable[tuple[str | None, Sequence[str]]]) -> dict[str, frozenset[str]]:
    """Per domain, the first or last title pieces that several of its pages share: its name.
    `pages`: (domain, the page's title candidates); a page counts once whatever its candidates."""
    counts: dict[str, Counter[str]] = {}
    for domain, titles in pages:
        if not domain:
            continue
        ends: set[str] = set()
        for title in titles:
            parts = pieces(title or "")
            if len(parts) >= 2:
                ends |= {comparable(parts[0]), comparable(parts[-1])}
        counts.setdefault(domain, Counter()).update(e for e in ends if e)
    return {
        domain: frozenset(k for k, n in counter.items() if n >= MIN_AFFIX_TITLES) for domain, counter in counts.items()
    }


def strip_site_name(
    title: str, site_names: Sequence[str] = (), domain: str | None = None, affixes: frozenset[str] = frozenset()
) -> str:
    """The title without a leading or trailing piece that names the site."""
    parts = pieces(title)
    if len(parts) < 2:
        return title.strip()

    def is_site(piece: str) -> bool:
        return comparable(piece) in affixes or _names_site(piece, site_names, domain)

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    if len(parts) == len(pieces(title)):
        return title.strip()  # nothing named the site: the separators belong to the headline
    # what is left is joined back as it stood in the title
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " - ".join(parts)


def title_options(
    candidates: Sequence[tuple[str, str]],
    site_names: Sequence[str] = (),
    domain: str | None = None,
    affixes: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """Per source, its first candidate with text once the site's name is cut off (a candidate that
    is only the site's name is passed over)."""
    options: dict[str, str] = {}
    for where, text in candidates:
        if where in options or not text or not text.strip():
            continue
        stripped = strip_site_name(text, site_names, domain, affixes)
        if stripped and not _names_site(stripped, site_names, domain) and comparable(stripped) not in affixes:
            options[where] = stripped
    return options


def _corroborated(source: str, options: dict[str, str]) -> bool:
    """Another source's title holds this one's text (an <h1> that is the headline, not a logo)."""
    key = comparable(options[source])
    return bool(key) and any(key in comparable(text) for other, text in options.items() if other != source)


def pick_title(
    options: dict[str, str], order: Sequence[str] = TITLE_ORDER, corroborate: Collection[str] = CORROBORATE
) -> tuple[str | None, str | None]:
    """(headline, where it came from): the first source in `order` that has one; a source in
    `corroborate` only when another source's title holds its text."""
    for source in order:
        if source in options and (source not in corroborate or _corroborated(source, options)):
            return options[source], source
    return next(((options[s], s) for s in order if s in options), (None, None))


def choose_title(
    candidates: Sequence[tuple[str, str]],
    site_names: Sequence[str] = (),
    domain: str | None = None,
    affixes: frozenset[str] = frozenset(),
    order: Sequence[str] = TITLE_ORDER,
    corroborate: Collection[str] = CORROBORATE,
) -> tuple[str | None, str | None]:
    """(headline, where it came from): the first candidate in `order` with text once the site's
    name is cut off."""
    return pick_title(title_options(candidates, site_names, domain, affixes), order, corroborate)
