"""Reason codes for rejected inputs: the vocabulary of the `rejects` table.

Stages: discover (the input could not be listed), land (its bytes could not be read or kept),
extract (its bytes are not a text article), clean (nothing of an article was left).
"""

from __future__ import annotations

NOT_FOUND = "not_found"              # discover: a path given on the command line does not exist
UNSUPPORTED_TYPE = "unsupported_type"  # discover: a file in a folder with an extension we do not ingest
UNREADABLE = "unreadable"            # land: the file exists but cannot be read (permissions, broken link, I/O error)
TOO_LARGE = "too_large"              # land: the file is over the size cap
EMPTY_FILE = "empty_file"            # extract: zero bytes, or only whitespace
BINARY_CONTENT = "binary_content"    # extract: the bytes are not text (NUL bytes, control characters, known binary magic)
INVALID_UTF8 = "invalid_utf8"        # extract: UTF-8 text with broken byte sequences
UNDECODABLE = "undecodable"          # extract: no encoding explains the bytes
NO_ARTICLE_TEXT = "no_article_text"  # clean: nothing but boilerplate (or nothing at all) was left
BAD_GZIP = "bad_gzip"                # extract: gzip bytes that are corrupt or cut short
DECOMPRESSED_TOO_LARGE = "decompressed_too_large"  # extract: gzip bytes that inflate past the size cap
PARSE_ERROR = "parse_error"          # discover: a feed, sitemap or WARC that is malformed or refused (DTD, entities)

ALL = (
    NOT_FOUND, UNSUPPORTED_TYPE, UNREADABLE, TOO_LARGE, EMPTY_FILE, BINARY_CONTENT,
    INVALID_UTF8, UNDECODABLE, NO_ARTICLE_TEXT, BAD_GZIP, DECOMPRESSED_TOO_LARGE, PARSE_ERROR,
)
