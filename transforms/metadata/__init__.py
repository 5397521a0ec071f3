"""Who and where: authors and agencies from credit lines, canonical outlets, URLs, sidecar metadata."""
