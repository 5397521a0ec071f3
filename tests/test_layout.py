"""Layout rules the code keeps: transforms/ is pure, and each extractor has one adapter module."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

PIPELINE_FILES = sorted(p for d in ("flows", "transforms", "warehouse") for p in (ROOT / d).rglob("*.py"))
PYTHON_FILES = PIPELINE_FILES + sorted((ROOT / "bench").rglob("*.py"))


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    ("package", "only_in", "files"),
    [
        ("trafilatura", "transforms/html/trafilatura_extraction.py", PYTHON_FILES),
        ("readability", "transforms/html/readability_extraction.py", PYTHON_FILES),
        ("duckdb", "warehouse/store.py", PIPELINE_FILES),  # bench tooling may read a warehouse file to check it
    ],
)
def test_each_library_is_imported_by_its_one_module(package: str, only_in: str, files: list) -> None:
    importers = sorted(str(p.relative_to(ROOT)) for p in files if package in _imports(p))
    assert importers == [only_in]


def test_transforms_do_no_orchestration_storage_or_network() -> None:
    forbidden = {"prefect", "duckdb", "requests", "httpx", "urllib3", "socket"}
    offenders = {
        str(p.relative_to(ROOT)): _imports(p) & forbidden
        for p in (ROOT / "transforms").rglob("*.py")
        if _imports(p) & forbidden
    }
    assert offenders == {}


def _project_imports(path) -> set[str]:
    """The project modules a file imports, anywhere in it (functions too): `flows.engine`, ..."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def _module(path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def test_flows_modules_import_each_other_without_a_cycle() -> None:
    files = {_module(p): p for p in (ROOT / "flows").glob("*.py") if p.name != "__main__.py"}
    graph = {name: sorted(_project_imports(path) & set(files) - {name}) for name, path in files.items()}
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        if state.get(name) == "done":
            return
        assert state.get(name) != "open", "import cycle: " + " -> ".join(trail + [name])
        state[name] = "open"
        for imported in graph[name]:
            visit(imported, trail + [name])
        state[name] = "done"

    for name in graph:
        visit(name, [])


def test_warehouse_imports_neither_flows_nor_transforms() -> None:
    offenders = {
        str(p.relative_to(ROOT)): _imports(p) & {"flows", "transforms"}
        for p in (ROOT / "warehouse").rglob("*.py")
        if _imports(p) & {"flows", "transforms"}
    }
    assert offenders == {}
