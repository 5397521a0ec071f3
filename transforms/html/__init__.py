"""HTML pages -> articles: the extractor adapters (trafilatura, readability-lxml; each library is
imported by its one module), their blocks, the vote between them, and the web block rules."""
