"""Polars frames for the load: the batch's articles normalised, the ledger records, and the
schema of every loaded frame, declared once."""
