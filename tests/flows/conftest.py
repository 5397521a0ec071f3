from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def prefect_api():
    """One temporary Prefect API for every flow test."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under this folder is an end-to-end flow test (a Prefect API, real runs):
    marked `slow`, so `make test-fast` (`pytest -m "not slow"`) leaves them out. A conftest's hook
    sees the whole session's items, hence the folder test."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.slow)
