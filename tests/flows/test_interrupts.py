"""Ctrl-C and SIGTERM during `newsetl ingest` (issue 18, point 3): the run stops within 5 s, says in one
line what was loaded, exits 130 (SIGINT) or 143 (SIGTERM), and a re-run loads exactly the rest.

The signal goes to the command's whole process group, as a terminal's Ctrl-C does (the page workers get
it too). The commands report to the tests' temporary Prefect API (tests/flows/conftest.py), which runs
in pytest's own process group, as a background server runs in a session of its own."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import EXTRACTION
from tests.conftest import query as _query
from tests.http_server import never_answer, serve

NEWSETL = str(Path(sys.executable).parent / "newsetl")
PAGES = sorted((EXTRACTION / "scrapinghub" / "html").glob("*.html"))[:150]
needs_pages = pytest.mark.skipif(len(PAGES) < 150, reason="../shared/data/extraction pages not found")
STOP_WITHIN = 5.0  # seconds from the signal to the exit (the target)
PROGRESS = re.compile(r"ingest progress (\d+)/(\d+) documents, stage (\S+), ([\d.]+) docs/s, (\d+) loaded")


def _env() -> dict[str, str]:
    from prefect.settings import get_current_settings

    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    return env | {"PREFECT_API_URL": str(get_current_settings().api.url), "NEWSETL_PROGRESS_SECONDS": "0.5"}


@dataclass
class Stopped:
    returncode: int
    seconds_to_exit: float | None  # from the signal to the exit; None: no signal was sent
    before: list[str] = field(default_factory=list)  # stderr lines before the signal
    after: list[str] = field(default_factory=list)  # stderr lines after it
    stdout: str = ""


def _run_and_signal(args: list[str], cwd: Path, signum: int, when: Callable[[str], bool] | threading.Event) -> Stopped:
    """`newsetl args` in a session of its own; `signum` to its process group once a stderr line makes
    `when` true (or the event is set)."""
    process = subprocess.Popen(
        [NEWSETL, *args], cwd=cwd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    result = Stopped(0, None)
    sent: list[float] = []

    def send() -> None:
        if not sent:
            sent.append(time.monotonic())
            os.killpg(process.pid, signum)

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            (result.after if sent else result.before).append(line.rstrip("\n"))
            if not sent and callable(when) and when(line):
                send()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if isinstance(when, threading.Event):
        if when.wait(600) and process.poll() is None:
            send()
    try:
        assert process.stdout is not None
        result.stdout = process.stdout.read()  # stderr is the reader's
        process.wait(timeout=900)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    reader.join(10)
    result.returncode = process.returncode
    result.seconds_to_exit = None
    if sent:
        result.seconds_to_exit = time.monotonic() - sent[0]  # an upper bound: measured after the exit was seen
    return result


def _mid_parse(line: str) -> bool:
    """A progress line saying one batch or more is loaded and pages are still being parsed."""
    found = PROGRESS.search(line)
    return bool(found) and int(found[5]) >= 25 and int(found[1]) <= 100


@needs_pages
def test_ctrl_c_mid_parse_stops_within_5_s_in_one_line_and_a_rerun_loads_the_rest(tmp_path: Path) -> None:
    corpus = tmp_path / "pages"
    corpus.mkdir()
    for page in PAGES:
        shutil.copy(page, corpus / page.name)
    db = tmp_path / "news.duckdb"
    args = ["ingest", str(corpus), "--db", str(db), "--batch-size", "25", "--no-publish"]

    first = _run_and_signal(args, tmp_path, signal.SIGINT, _mid_parse)

    assert first.seconds_to_exit is not None, "the run ended before a batch was loaded mid-parse:\n" + "\n".join(
        first.before[-20:]
    )
    assert first.returncode == 130, "\n".join(first.after)
    assert first.seconds_to_exit <= STOP_WITHIN
    assert len(first.after) <= 5, "\n".join(first.after)
    assert "Traceback" not in "\n".join(first.after)
    said = [line for line in first.after if line.startswith("stopped by SIGINT:")]
    assert len(said) == 1 and "running the same command again resumes with the rest" in said[0], first.after
    loaded_first = _query(db, "SELECT count(*) FROM documents WHERE status = 'loaded'")[0][0]
    assert f"({loaded_first} loaded, 0 unchanged, 0 rejected)" in said[0]
    assert 25 <= loaded_first < 150  # stopped after a batch was loaded and before the last one

    again = subprocess.run(
        [NEWSETL, *args, "--no-progress"], cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=900
    )
    assert again.returncode == 0, again.stderr[-3000:]
    loaded_second = int(re.search(r"^loaded\s+(\d+)$", again.stdout, re.M)[1])  # type: ignore[index]
    assert loaded_first + loaded_second == 150, again.stdout
    assert re.search(r"^rejected\s+0$", again.stdout, re.M), again.stdout
    assert _query(db, "SELECT count(*), count(DISTINCT document_id) FROM articles") == [(150, 150)]
    assert _query(db, "SELECT count(*) FROM documents") == [(150,)]
    assert _query(db, "SELECT count(*) FROM rejects") == [(0,)]


def test_sigterm_while_a_fetch_hangs_stops_within_5_s_with_143(tmp_path: Path) -> None:
    asked = threading.Event()

    def hang(exchange):  # the first article request: the fetch is under way, and never answered
        asked.set()
        return never_answer(exchange)

    with serve({f"/news/{i}.html": hang for i in range(5)}) as site:
        url_list = tmp_path / "urls.txt"
        url_list.write_text("".join(f"{site}/news/{i}.html\n" for i in range(5)))
        args = ["ingest", "--urls", str(url_list), "--db", str(tmp_path / "news.duckdb"), "--no-publish"]
        args += ["--allow-network", "127.0.0.1/32", "--fetch-timeout", "120"]
        stopped = _run_and_signal(args, tmp_path, signal.SIGTERM, asked)

    assert stopped.seconds_to_exit is not None, "\n".join(stopped.before[-20:])
    assert stopped.returncode == 143, "\n".join(stopped.after)
    assert stopped.seconds_to_exit <= STOP_WITHIN
    assert len(stopped.after) <= 5 and "Traceback" not in "\n".join(stopped.after), "\n".join(stopped.after)
    assert any(line.startswith("stopped by SIGTERM: no batch was loaded") for line in stopped.after), stopped.after


@pytest.fixture
def forgotten():
    """The stop these tests make is forgotten after each (its watchdog would end pytest)."""
    from flows import interrupts

    yield
    interrupts.reset()


@pytest.mark.usefixtures("forgotten")
def test_a_signal_inside_a_load_lets_it_finish_then_stops() -> None:
    from flows import interrupts

    finished = []
    before = signal.getsignal(signal.SIGINT)  # SIG_IGN when pytest runs as a background job
    with interrupts.handled() as tally, pytest.raises(interrupts.Interrupted) as stopped:
        with interrupts.protected():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.1)  # the handler has run by now, and did not break in
            finished.append(True)
            tally.add(25, 0, 0)
    assert finished and stopped.value.exit_code == 130
    assert tally.line(signal.SIGINT).startswith("stopped by SIGINT: 1 batch loaded (25 loaded, 0 unchanged")
    assert signal.getsignal(signal.SIGINT) is before  # put back


@pytest.mark.usefixtures("forgotten")
def test_a_second_signal_breaks_into_a_load_and_sigterm_is_143() -> None:
    from flows import interrupts

    reached = []
    with interrupts.handled(), pytest.raises(interrupts.Interrupted) as stopped, interrupts.protected():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.1)
        reached.append("first deferred")
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.1)
        reached.append("not reached")
    assert reached == ["first deferred"] and stopped.value.exit_code == 143


@pytest.mark.usefixtures("forgotten")
def test_outside_a_load_a_signal_stops_at_once_and_wakes_the_waits() -> None:
    from flows import interrupts

    with interrupts.handled(), pytest.raises(interrupts.Interrupted):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)
    assert interrupts.requested()
    import select

    assert select.select([interrupts.fileno()], [], [], 0)[0]  # the page pools' waits see it at once
    with pytest.raises(interrupts.Stopped):
        interrupts.check()
    interrupts.reset()
    assert not interrupts.requested()
