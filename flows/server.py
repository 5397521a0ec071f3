"""A long-lived local Prefect server for the command line.

Prefect's temporary API costs every command 10-20 s of start-up. So when the user has no Prefect
API of their own (`PREFECT_API_URL`), the CLI starts `prefect server start` once in the
background, bound to 127.0.0.1 on a free port, with its state under the Prefect home
(`$PREFECT_HOME`, default ~/.prefect), and later commands reuse it while it answers. Its pid, port
and URL are kept in `<home>/newsetl-server.json`, its log in `<home>/newsetl-server.log`;
`newsetl server status|stop` look at it and stop it. `NEWSETL_PREFECT_SERVER=temporary` (or
`--prefect-server temporary`) keeps Prefect's temporary API per command instead.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from filelock import FileLock

STATE_FILE = "newsetl-server.json"
LOG_FILE = "newsetl-server.log"
START_TIMEOUT = 120.0  # seconds a new server may take to answer (it migrates its database on first use)
HEALTH_TIMEOUT = 5.0  # seconds a health check may take
BUSY_GRACE = 30.0  # seconds a live server that does not answer (a busy machine) gets before it is replaced


class ServerError(RuntimeError):
    """The background server could not be started or stopped."""


@dataclass(frozen=True)
class ServerState:
    pid: int
    port: int
    api_url: str
    started_at: float

    @property
    def ui_url(self) -> str:
        return self.api_url.removesuffix("/api")


def prefect_home() -> Path:
    """Where Prefect keeps its state: `$PREFECT_HOME`, else ~/.prefect (Prefect's own default)."""
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()


def _state_path(home: Path) -> Path:
    return home / STATE_FILE


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process holds the pid
        return False
    return True


def answers(api_url: str, timeout: float = HEALTH_TIMEOUT) -> bool:
    """Whether a Prefect API answers its health check."""
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout) as response:  # loopback only
            return bool(response.status == 200)
    except OSError:
        return False


def reachable(api_url: str, timeout: float = HEALTH_TIMEOUT) -> bool:
    """Whether anything answers at a Prefect API's address: any HTTP answer counts (a hosted API may refuse
    an unauthenticated health check); a refused connection, an unknown host or silence does not."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout):  # noqa: S310 - the user's API
            return True
    except urllib.error.HTTPError:
        return True
    except (OSError, ValueError):  # URLError, timeouts, a malformed URL
        return False


def recorded(home: Path | None = None) -> ServerState | None:
    """The server this home's state file names, whether or not it still runs."""
    path = _state_path(home or prefect_home())
    try:
        return ServerState(**json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def running(home: Path | None = None) -> ServerState | None:
    """The background server of this home when its process lives and it answers."""
    state = recorded(home)
    if state is not None and _alive(state.pid) and answers(state.api_url):
        return state
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prefect_command() -> list[str]:
    beside = Path(sys.executable).parent / "prefect"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "prefect"]


@dataclass
class Launch:
    """A background server being made ready: the one found running (`process` None), or one just
    started that may not answer yet. It holds the home's file lock until `ready` returns, so that
    two commands starting at once start one server."""

    home: Path
    state: ServerState
    process: subprocess.Popen[bytes] | None
    lock: FileLock


def launch(home: Path | None = None) -> Launch:
    """Start this home's background server unless it runs, without waiting for it to answer:
    the caller does its own start-up meanwhile (on two cores the server's start-up and a command's
    imports overlap), then calls `ready`."""
    home = home or prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(home / (STATE_FILE + ".lock")))
    lock.acquire()
    try:
        state = running(home)
        if state is not None:
            return Launch(home, state, None, lock)
        stale = recorded(home)
        if stale is not None and _alive(stale.pid):  # alive but not answering: busy, or hung
            deadline = time.monotonic() + BUSY_GRACE
            while _alive(stale.pid) and time.monotonic() < deadline:
                if answers(stale.api_url):
                    return Launch(home, stale, None, lock)
                time.sleep(0.5)
            _terminate(stale.pid)
        port = _free_port()
        env = os.environ | {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        env.pop("PREFECT_API_URL", None)
        with open(home / LOG_FILE, "ab") as log:
            process = subprocess.Popen(
                [*_prefect_command(), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,  # not stopped by the Ctrl-C of the command that started it
            )
        state = ServerState(process.pid, port, f"http://127.0.0.1:{port}/api", time.time())
        # recorded at once: a command stopped before the server answers leaves no server nobody knows of
        _state_path(home).write_text(json.dumps(asdict(state)), "utf-8")
        return Launch(home, state, process, lock)
    except BaseException:
        lock.release()
        raise


def ready(started: Launch, timeout: float = START_TIMEOUT) -> ServerState:
    """Wait until the launched server answers (at most `timeout` s from now), record it, release the lock."""
    try:
        process, state, home = started.process, started.state, started.home
        if process is None:
            return state
        deadline = time.monotonic() + timeout
        while not answers(state.api_url, timeout=1.0):
            if process.poll() is not None:
                _state_path(home).unlink(missing_ok=True)
                raise ServerError(f"prefect server exited with status {process.returncode}; see {home / LOG_FILE}")
            if time.monotonic() > deadline:
                _terminate(process.pid)
                _state_path(home).unlink(missing_ok=True)
                raise ServerError(f"prefect server did not answer within {timeout:g} s; see {home / LOG_FILE}")
            time.sleep(0.1)
        return state
    finally:
        started.lock.release()


def abandon(started: Launch) -> None:
    """A launch that will not be used (the command found the user's own API): stop the server it
    started, if any, and release the lock."""
    try:
        if started.process is not None:
            _terminate(started.process.pid)
            _state_path(started.home).unlink(missing_ok=True)
    finally:
        started.lock.release()


def user_api_url() -> str | None:
    """The user's PREFECT_API_URL from the environment or the active profile of profiles.toml, read
    without importing Prefect (which costs about 1.5 s): whether to launch the background server early.
    Prefect's own settings decide later; a server launched needlessly is then abandoned."""
    if url := os.environ.get("PREFECT_API_URL"):
        return url
    path = Path(os.environ.get("PREFECT_PROFILES_PATH") or prefect_home() / "profiles.toml").expanduser()
    try:
        profiles = tomllib.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active") or "ephemeral"
    url = profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL")
    return url if isinstance(url, str) and url else None


def ensure_running(home: Path | None = None, timeout: float = START_TIMEOUT) -> ServerState:
    """The background server of this home: the one running, else a new one, started and waited for."""
    return ready(launch(home), timeout)


def prepare(home: Path | None = None) -> None:
    """Create or migrate the Prefect database of this home (what a server's first start does, about
    7 s on 2 cores), so that the first command after installation does not pay it: `make setup` runs it."""
    home = home or prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    with FileLock(str(home / (STATE_FILE + ".lock"))), open(home / LOG_FILE, "ab") as log:
        done = subprocess.run(
            [*_prefect_command(), "server", "database", "upgrade", "-y"],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            check=False,
        )
    if done.returncode:
        raise ServerError(f"prefect's database upgrade exited with status {done.returncode}; see {home / LOG_FILE}")


def _terminate(pid: int, wait: float = 10.0) -> None:
    """SIGTERM to the server's process group, then SIGKILL if it has not ended after `wait` s."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                finished, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:  # not our child: poll its existence instead
                finished = 0 if _alive(pid) else pid
            if finished:
                return
            time.sleep(0.1)


def stop(home: Path | None = None) -> ServerState | None:
    """Stop this home's background server; returns what was stopped (None: none was running)."""
    home = home or prefect_home()
    with FileLock(str(home / (STATE_FILE + ".lock"))):
        state = recorded(home)
        if state is None:
            return None
        was_alive = _alive(state.pid)
        if was_alive:
            _terminate(state.pid)
        _state_path(home).unlink(missing_ok=True)
        return state if was_alive else None
