"""Shared setup of the reliability tests: one temporary Prefect API for the whole session.

PREFECT_HOME is already private: tests/conftest.py points it at a temporary folder before anything
imports Prefect, and that conftest applies here too.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def prefect_api():
    """One temporary Prefect API for every reliability test (as tests/flows/conftest.py does)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under this folder is a reliability test (whole ingests, kills, full disks):
    marked `slow`, so `make test-fast` (`pytest -m "not slow"`) leaves them out. A conftest's hook
    sees the whole session's items, hence the folder test."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.slow)
