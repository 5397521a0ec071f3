"""Shared setup of the reliability tests: one temporary Prefect API for the whole session.

PREFECT_HOME is already private: tests/conftest.py points it at a temporary folder before anything
imports Prefect, and that conftest applies here too.
"""

from __future__ import annotations

from tests.flows.conftest import prefect_api  # noqa: F401  (one temporary Prefect API for the session)
