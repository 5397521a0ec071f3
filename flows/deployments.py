"""Scheduled runs: the deployments of `prefect.yaml`, served with their cron schedules from one
process (`newsetl serve`). prefect.yaml stays the one place the schedules are written; the same
file works with `prefect deploy --all` and a work pool."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from prefect import Flow
from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron

PREFECT_YAML = Path(__file__).resolve().parent.parent / "prefect.yaml"


@dataclass(frozen=True)
class DeploymentSpec:
    """One entry of prefect.yaml's `deployments`."""

    name: str
    entrypoint: str  # flows/ingest.py:ingest
    crons: list[tuple[str, str]]  # (cron, timezone) per schedule
    parameters: dict[str, Any] = field(default_factory=dict)
    description: str | None = None
    tags: list[str] = field(default_factory=list)


def deployment_specs(path: Path = PREFECT_YAML) -> list[DeploymentSpec]:
    """The deployments prefect.yaml declares."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    specs = []
    for entry in document.get("deployments") or []:
        crons = [(s["cron"], s.get("timezone", "UTC")) for s in entry.get("schedules") or [] if "cron" in s]
        specs.append(
            DeploymentSpec(
                entry["name"],
                entry["entrypoint"],
                crons,
                dict(entry.get("parameters") or {}),
                entry.get("description"),
                list(entry.get("tags") or []),
            )
        )
    return specs


def flow_at(entrypoint: str) -> Flow:
    """`flows/ingest.py:ingest` -> the flow object (imported as a module of the project)."""
    path, _, name = entrypoint.partition(":")
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    found = getattr(module, name)
    if not isinstance(found, Flow):
        raise TypeError(f"{entrypoint} is not a Prefect flow")
    return found


def runner_deployment(spec: DeploymentSpec) -> RunnerDeployment:
    """A deployment to serve: the flow, its schedules and parameters as prefect.yaml says."""
    return flow_at(spec.entrypoint).to_deployment(  # type: ignore[return-value]  # sync here: no event loop
        name=spec.name,
        schedules=[Cron(cron, timezone=timezone) for cron, timezone in spec.crons],
        parameters=spec.parameters,
        description=spec.description,
        tags=spec.tags,
    )


def serve(path: Path = PREFECT_YAML, only: list[str] | None = None) -> None:
    """Serve the deployments (all, or those named in `only`) until interrupted."""
    from prefect import serve as prefect_serve

    specs = [s for s in deployment_specs(path) if not only or s.name in only]
    missing = set(only or []) - {s.name for s in specs}
    if missing:
        raise ValueError(f"no deployment named {', '.join(sorted(missing))} in {path}")
    prefect_serve(*[runner_deployment(spec) for spec in specs])
