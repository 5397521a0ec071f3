"""Plain text -> articles: the boilerplate rule engine (rules are data in transforms/data/), the
fields rules capture, and mojibake counting."""
