"""Dates: candidates from the page (JSON-LD, meta, htmldate) and the text, the chosen published and
modified dates with provenance, relative phrases resolved against the publication day."""
