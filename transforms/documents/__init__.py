"""Raw inputs: bytes decoded to text (or the reason why not), feeds and sitemaps expanded to URLs,
and the per-document decisions of a batch (reject or keep, skip the known, twins of rejects)."""
