"""Reason codes for rejected inputs: the vocabulary of the `rejects` table.

Stages: discover (the input could not be listed), land (its bytes could not be read or kept),
extract (its bytes are not a text article), clean (nothing of an article was left).
"""

from __future__ import annotations

NOT_FOUND = "not_found"  # discover: a path given on the command line does not exist
UNSUPPORTED_TYPE = "unsupported_type"  # discover: a file in a folder with an extension we do not ingest
UNREADABLE = "unreadable"  # land: the file exists but cannot be read (permissions, broken link, I/O error)
TOO_LARGE = "too_large"  # land: the file is over the size cap
EMPTY_FILE = "empty_file"  # extract: zero bytes, or only whitespace
BINARY_CONTENT = "binary_content"  # extract: the bytes are not text (NUL bytes, control characters,
# known binary magic)
INVALID_UTF8 = "invalid_utf8"  # extract: UTF-8 text with broken byte sequences
UNDECODABLE = "undecodable"  # extract: no encoding explains the bytes
NO_ARTICLE_TEXT = "no_article_text"  # clean: nothing but boilerplate (or nothing at all) was left
BAD_GZIP = "bad_gzip"  # extract: gzip bytes that are corrupt or cut short
DECOMPRESSED_TOO_LARGE = "decompressed_too_large"  # extract: gzip bytes that inflate past the size cap
PARSE_ERROR = "parse_error"  # discover: a feed, sitemap or WARC that is malformed or refused (DTD, entities)

ALL: tuple[str, ...] = (
    NOT_FOUND,
    UNSUPPORTED_TYPE,
    UNREADABLE,
    TOO_LARGE,
    EMPTY_FILE,
    BINARY_CONTENT,
    INVALID_UTF8,
    UNDECODABLE,
    NO_ARTICLE_TEXT,
    BAD_GZIP,
    DECOMPRESSED_TOO_LARGE,
    PARSE_ERROR,
)

# fetch: web sources (flows/fetching.py); a failed HTTP status is "http_<status>", see http_status_reason
TIMEOUT = "timeout"  # fetch: no (complete) response within the timeouts, retries included
CONNECTION_ERROR = "connection_error"  # fetch: DNS, TCP or TLS failure, or the server hung up
ROBOTS_DISALLOWED = "robots_disallowed"  # fetch: the site's robots.txt disallows the URL for our user agent
ROBOTS_UNAVAILABLE = "robots_unavailable"  # fetch: robots.txt answered 5xx/429 or could not be fetched:
# the host is left alone
BLOCKED_ADDRESS = "blocked_address"  # fetch: the host resolves to a loopback, private, link-local,
# reserved or metadata address
REDIRECT_LOOP = "redirect_loop"  # fetch: a redirect leads back to a URL already in the chain
TOO_MANY_REDIRECTS = "too_many_redirects"  # fetch: more redirects than the policy follows
UNSUPPORTED_SCHEME = "unsupported_scheme"  # fetch: not an http or https URL (also a redirect to one)
INVALID_URL = "invalid_url"  # fetch: the URL (or a redirect's Location) cannot be parsed or has no host

ALL = ALL + (
    TIMEOUT,
    CONNECTION_ERROR,
    ROBOTS_DISALLOWED,
    ROBOTS_UNAVAILABLE,
    BLOCKED_ADDRESS,
    REDIRECT_LOOP,
    TOO_MANY_REDIRECTS,
    UNSUPPORTED_SCHEME,
    INVALID_URL,
)

EXTRACT_TIMEOUT = "extract_timeout"  # clean: parsing the page, or clean, normalise and annotate a document, took longer
# than the per-document limit (the detail starts with the stage: "normalise: stopped after ...")
EXTRACT_FAILED = "extract_failed"  # clean: the extractor raised an error on this page
TOO_DEEPLY_NESTED = "too_deeply_nested"  # clean: no article text, and the HTML nests deeper than the parser goes
ALL = ALL + (EXTRACT_TIMEOUT, EXTRACT_FAILED, TOO_DEEPLY_NESTED)

BAD_SIDECAR = "bad_sidecar"  # discover/land: a <file>.json sidecar or manifest CSV row that cannot be used
# (the file loads without it)
ALL = ALL + (BAD_SIDECAR,)

LIMIT_REACHED = "limit_reached"  # discover: a sitemap not read because the run's sitemap cap or the index depth
# limit was reached (the detail says which); its pages are not ingested
ALL = ALL + (LIMIT_REACHED,)

HTTP_STATUS_PREFIX = "http_"  # fetch: an HTTP error status that is not retried or still failed after the retries


def http_status_reason(status: int) -> str:
    """The reason code for a failed HTTP status: 404 -> "http_404"."""
    if not 100 <= int(status) <= 599:
        raise ValueError(f"not an HTTP status: {status!r}")
    return f"{HTTP_STATUS_PREFIX}{int(status)}"


def is_known(code: str) -> bool:
    """A code in ALL, or an "http_<3 digits>" code from http_status_reason."""
    return code in ALL or (
        code.startswith(HTTP_STATUS_PREFIX) and len(code) == 8 and code[5:].isdigit() and "100" <= code[5:] <= "599"
    )
