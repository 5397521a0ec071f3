"""Prefect flows and tasks: orchestration and all I/O.

Importing this package sets Prefect defaults that the pipeline relies on, before Prefect loads:
no telemetry (the machine may have no DNS for it), and quiet, short-lived local API use.
"""

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_CLI_PROMPT", "false")
# The temporary local API migrates its SQLite database on first use, which can take a while.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
