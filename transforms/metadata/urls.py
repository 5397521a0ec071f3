"""URLs -> one canonical form per article, so that the links of one story found in a feed, a
sitemap, a WARC and a share button compare equal. Pure: str in, str out.

`canonical_url` applies, to http and https URLs only (anything else comes back stripped of
surrounding whitespace and otherwise as it was):

- scheme and host lower-cased; a trailing dot on the host dropped; a non-ASCII host written in
  punycode (IDNA), so `bücher.de` and `xn--bcher-kva.de` agree;
- the scheme's default port dropped (:80 for http, :443 for https), other ports kept;
- the fragment dropped;
- percent-encoding normalised (RFC 3986 section 6.2.2): escapes of unreserved characters
  (letters, digits, `-._~`) decoded, other escapes written with upper-case hex, characters that
  may not appear raw (spaces, non-ASCII, `"<>\\^`{|}`) UTF-8 encoded, a `%` that starts no escape
  written `%25`; `+` in the query is left alone (it means a space there, so it stays distinct
  from `%2B`);
- dot segments removed (`/a/./b/../c` -> `/a/c`), an empty path written `/`;
- tracking query parameters removed (`TRACKING_PARAMS`, `TRACKING_PARAM_PREFIXES`, matched on the
  lower-cased, percent-decoded name); the other parameters keep their order, their values and
  their spelling; empty `&&` pieces and a `?` left empty are dropped;
- AMP variants turned into the article URL they are a copy of; only unambiguous forms:
  `AMP_CACHE_HOST_SUFFIX` / `GOOGLE_AMP_VIEWER_PATH` (the Google AMP cache and viewer wrap the
  original URL: it is unwrapped), `AMP_PATH_SEGMENT` (a last path segment `amp`, after at least
  one other segment: `/story/amp` -> `/story`, `/story/amp/` -> `/story/`),
  `AMP_HTML_SUFFIX` (`story.amp.html` -> `story.html`), `AMP_SUFFIX` (`story.amp` -> `story`),
  `AMP_QUERY_PARAMS` (`amp`, `amp=1`, `amp=true`, `outputType=amp`) and the hosts of
  `AMP_HOSTS` (a site's AMP host whose paths are the article paths). An `amp.` host prefix is
  NOT rewritten in general: whether the article lives on `www.` or on the bare domain, and
  under the same path, differs by site. A leading `/amp/` path segment is not touched either.

Not done, because two different pages can differ only in it: a trailing slash, the case of the
path, the order of the query parameters, `www.` versus the bare domain, `http` versus `https`.

`canonical_url(canonical_url(u)) == canonical_url(u)` for every input.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, unquote, unquote_plus, urlsplit, urlunsplit

WEB_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only say where a click came from: ad and mail campaign ids, share
# buttons, analytics cookies carried in the link. Lower-case; compared with the lower-cased name.
TRACKING_PARAM_PREFIXES: tuple[str, ...] = (
    "utm_",  # Google Analytics campaign parameters (utm_source, utm_medium, utm_campaign, ...)
)
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        # ad click ids
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "igsh",
        "rb_clickid",
        "s_kwcid",
        "ef_id",
        # mail campaigns (Mailchimp, HubSpot, Marketo, Vero)
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "__hstc",
        "__hssc",
        "__hsfp",
        "hsctatrack",
        "mkt_tok",
        "vero_id",
        "vero_conv",
        # analytics carried in the link (Google, Matomo/Piwik, Adobe, Webtrends, AT Internet, comScore)
        "_ga",
        "_gl",
        "pk_campaign",
        "pk_kwd",
        "pk_source",
        "pk_medium",
        "pk_content",
        "mtm_campaign",
        "mtm_keyword",
        "mtm_source",
        "mtm_medium",
        "mtm_content",
        "mtm_cid",
        "mtm_group",
        "mtm_placement",
        "s_cid",
        "wt.mc_id",
        "wt_mc_id",
        "xtor",
        "at_medium",
        "at_campaign",
        "at_link_origin",
        "at_link_type",
        "at_ptr_name",
        "at_format",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        # news sites' share and placement tags (MSN, The Guardian, NYT, Telegraph, Twitter, Alibaba, Yahoo)
        "ocid",
        "cmpid",
        "cmp",
        "ito",
        "smid",
        "smtyp",
        "ref_src",
        "ref_url",
        "spm",
        "guccounter",
        "guce_referrer",
        "guce_referrer_sig",
        "oly_anon_id",
        "oly_enc_id",
        "soc_src",
        "soc_trk",
    }
)

# AMP (Accelerated Mobile Pages) copies of an article, and how each maps back to the article URL.
# https://www-x-com.cdn.ampproject.org/c/s/www.x.com/a -> https://www.x.com/a
AMP_CACHE_HOST_SUFFIX = ".cdn.ampproject.org"
AMP_CACHE_PATH = re.compile(r"^/[cv]/(s/)?(?P<rest>[^/?#]+.*)$")  # /c/s/<host><path> (s: https), /c/<host><path> (http)
GOOGLE_AMP_VIEWER_HOSTS = frozenset({"google.com", "www.google.com"})
GOOGLE_AMP_VIEWER_PATH = re.compile(r"^/amp/(s/)?(?P<rest>[^/?#]+.*)$")  # https://www.google.com/amp/s/www.x.com/a
AMP_PATH_SEGMENT = re.compile(r"(?<=[^/])/amp(?P<slash>/?)$", re.IGNORECASE)  # /story/amp, /story/amp/
AMP_HTML_SUFFIX = re.compile(r"(?<=[^/.])\.amp\.html?$", re.IGNORECASE)  # story.amp.html -> story.html
AMP_SUFFIX = re.compile(r"(?<=[^/.])\.amp$", re.IGNORECASE)  # story.amp -> story (BBC)
AMP_QUERY_PARAMS: dict[str, frozenset[str]] = {  # lower-cased name -> lower-cased values that mean "AMP"
    "amp": frozenset({"", "1", "true"}),
    "outputtype": frozenset({"amp"}),
}
AMP_HOSTS: dict[str, str] = {  # AMP host -> article host, where the paths are the same
    "amp.theguardian.com": "www.theguardian.com",
}

UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
SUB_DELIMS = "!$&'()*+,;="
PATH_SAFE = frozenset(UNRESERVED | set(SUB_DELIMS) | set(":@/"))
QUERY_SAFE = frozenset(PATH_SAFE | set("?"))
USERINFO_SAFE = frozenset(UNRESERVED | set(SUB_DELIMS) | set(":"))
HEX = frozenset("0123456789abcdefABCDEF")
# what an unwrapped AMP cache or viewer path must start with: a host name
PLAIN_HOST = re.compile(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]+)?")


def is_web_url(url: str) -> bool:
    """True for an http or https URL with a host."""
    if not isinstance(url, str):
        return False
    try:
        parts = urlsplit(url.strip())
        return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)
    except ValueError:
        return False


def canonical_url(url: str) -> str:
    """The canonical form of an http(s) URL (see the module docstring); other URLs come back stripped."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return url
    canonical = _normalise(parts)
    while (inner := _unwrap_amp_proxy(urlsplit(canonical))) is not None:
        canonical = _normalise(inner)  # ends: each unwrapping drops the proxy host and prefix
    return canonical


def _unwrap_amp_proxy(parts: SplitResult) -> SplitResult | None:
    host = (parts.hostname or "").rstrip(".")
    if host.endswith(AMP_CACHE_HOST_SUFFIX):
        match = AMP_CACHE_PATH.match(parts.path)
    elif host in GOOGLE_AMP_VIEWER_HOSTS:
        match = GOOGLE_AMP_VIEWER_PATH.match(parts.path)
    else:
        return None
    if match is None:
        return None
    scheme = "https" if match.group(1) else "http"
    inner = f"{scheme}://{match.group('rest')}" + (f"?{parts.query}" if parts.query else "")
    try:
        unwrapped = urlsplit(inner)
    except ValueError:
        return None
    return unwrapped if PLAIN_HOST.fullmatch(unwrapped.netloc) else None


def _normalise(parts: SplitResult) -> str:
    scheme = parts.scheme.lower()
    netloc = _netloc(parts, scheme)
    path = _remove_dot_segments(_percent_normalise(parts.path, PATH_SAFE)) or "/"
    if not path.startswith("/"):
        path = "/" + path
    if netloc.split("@")[-1] in AMP_HOSTS:
        userinfo, _, host = netloc.rpartition("@")
        netloc = (userinfo + "@" if userinfo else "") + AMP_HOSTS[host]
    path = _strip_amp_path(path)
    query = _clean_query(parts.query)
    return urlunsplit((scheme, netloc, path, query, ""))


def _netloc(parts: SplitResult, scheme: str) -> str:
    netloc = parts.netloc
    userinfo, at, hostport = netloc.rpartition("@")
    if hostport.startswith("["):  # IPv6 literal
        end = hostport.find("]")
        host, port = hostport[: end + 1], hostport[end + 1 :].removeprefix(":")
    else:
        host, _, port = hostport.partition(":")
    try:
        decoded = unquote(host, errors="strict") if "%" in host else host
    except UnicodeDecodeError:
        decoded = host
    host = (host if "%" in decoded else decoded).lower().rstrip(".")
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            pass
    if port.isdigit() and int(port) == DEFAULT_PORTS.get(scheme):
        port = ""
    elif port.isdigit():
        port = str(int(port))
    userinfo = _percent_normalise(userinfo, USERINFO_SAFE) if at else ""
    return (userinfo + "@" if at else "") + host + (":" + port if port else "")


def _percent_normalise(text: str, safe: frozenset[str]) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "%":
            if i + 2 < n and text[i + 1] in HEX and text[i + 2] in HEX:
                decoded = chr(int(text[i + 1 : i + 3], 16))
                out.append(decoded if decoded in UNRESERVED else "%" + text[i + 1 : i + 3].upper())
                i += 3
                continue
            out.append("%25")
        elif char in safe:
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
        i += 1
    return "".join(out)


def _remove_dot_segments(path: str) -> str:
    if "." not in path:
        return path
    segments = path.split("/")
    kept: list[str] = []
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        if segment == ".":
            if last:
                kept.append("")
        elif segment == "..":
            if len(kept) > 1:
                kept.pop()
            if last:
                kept.append("")
        else:
            kept.append(segment)
    result = "/".join(kept)
    return result if result.startswith("/") or not path.startswith("/") else "/" + result


def _strip_amp_path(path: str) -> str:
    while True:
        stripped = AMP_PATH_SEGMENT.sub(lambda m: m.group("slash"), path, count=1)
        stripped = AMP_HTML_SUFFIX.sub(".html", stripped, count=1)
        stripped = AMP_SUFFIX.sub("", stripped, count=1)
        if stripped == path:
            return path
        path = stripped


def _clean_query(query: str) -> str:
    kept: list[str] = []
    for piece in query.split("&"):
        if not piece:
            continue
        piece = _percent_normalise(piece, QUERY_SAFE)
        name, _, value = piece.partition("=")
        key = _decode_for_matching(name)
        if key.startswith(TRACKING_PARAM_PREFIXES) or key in TRACKING_PARAMS:
            continue
        if key in AMP_QUERY_PARAMS and _decode_for_matching(value) in AMP_QUERY_PARAMS[key]:
            continue
        kept.append(piece)
    return "&".join(kept)


def _decode_for_matching(text: str) -> str:
    return unquote_plus(text).strip().lower()
