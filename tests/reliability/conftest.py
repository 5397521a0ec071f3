"""Shared setup of the reliability tests: one temporary Prefect API for the whole session.

PREFECT_HOME is already private: tests/conftest.py points it at a temporary folder before anything
imports Prefect, and that conftest applies here too.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def prefect_api():
    """One temporary Prefect API for every reliability test (as tests/flows/conftest.py does)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
