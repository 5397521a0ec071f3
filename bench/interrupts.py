"""Ctrl-C in the middle of a 150-page ingest (issue 18's target: exit 130 within 5 s, at most 5 lines on
stderr, a re-run loads exactly the rest), measured a few times.

Each trial ingests the first 150 pages of ../shared/data/extraction/scrapinghub/html (batches of 25) into a
fresh warehouse, sends SIGINT to the command's process group (as a terminal's Ctrl-C does) when its
progress line first shows `--at` documents parsed, times the exit, counts the stderr lines after the
signal, then runs the same command again and checks that the two runs together loaded the 150 documents
once each. The commands report to a background Prefect server in a private Prefect home, started once
(`newsetl server start`) and stopped at the end, as a user's commands do.

    .venv/bin/python bench/interrupts.py [--at 40 70 100] > bench/results/interrupts.txt
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "html").glob("*.html"))[:150]
NEWSETL = str(Path(sys.executable).parent / "newsetl")
PROGRESS = re.compile(r"ingest progress (\d+)/")


def trial(corpus: Path, work: Path, env: dict[str, str], at: int) -> dict[str, object]:
    db = work / "news.duckdb"
    args = [NEWSETL, "ingest", str(corpus), "--db", str(db), "--batch-size", "25", "--no-publish"]
    process = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    sent: list[float] = []
    after: list[str] = []
    at_signal: list[str] = []

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            if sent:
                after.append(line.rstrip("\n"))
                continue
            found = PROGRESS.search(line)
            if found and int(found[1]) >= at:
                at_signal.append(line.strip())
                sent.append(time.monotonic())
                os.killpg(process.pid, signal.SIGINT)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert process.stdout is not None
    process.stdout.read()
    process.wait()
    exited = time.monotonic()
    reader.join(10)
    loaded_first = duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM documents").fetchone()[0]
    again = subprocess.run([*args, "--no-progress"], env=env, capture_output=True, text=True)
    con = duckdb.connect(str(db), read_only=True)
    articles, distinct = con.execute("SELECT count(*), count(DISTINCT document_id) FROM articles").fetchone()
    rejects = con.execute("SELECT count(*) FROM rejects").fetchone()[0]
    con.close()
    loaded_second = int(re.search(r"^loaded\s+(\d+)$", again.stdout, re.M)[1]) if again.returncode == 0 else -1
    return {
        "signal at": at_signal[0] if at_signal else "(never: the run ended first)",
        "exit status": process.returncode,
        "seconds to exit": round(exited - sent[0], 2) if sent else None,
        "stderr lines after the signal": len(after),
        "line": after[-1] if after else "",
        "loaded first": loaded_first,
        "loaded by the re-run": loaded_second,
        "articles (distinct documents)": f"{articles} ({distinct})",
        "rejects": rejects,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--at", type=int, nargs="+", default=[40, 70, 100], help="documents parsed at the signal")
    args = parser.parse_args()
    if len(PAGES) < 150:
        sys.exit("../shared/data/extraction/scrapinghub/html: 150 pages needed")
    with tempfile.TemporaryDirectory(prefix="newsetl-interrupts-") as tmp:
        base = Path(tmp)
        corpus = base / "pages"
        corpus.mkdir()
        for page in PAGES:
            shutil.copy(page, corpus / page.name)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "NEWSETL_"))}
        env |= {"PREFECT_HOME": str(base / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        env |= {"NEWSETL_PROGRESS_SECONDS": "0.5"}
        subprocess.run([NEWSETL, "server", "start"], env=env, check=True, capture_output=True)
        try:
            stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
            print(f"# bench/interrupts.py, {stamp}, {os.cpu_count()} cores")
            print("# 150 scrapinghub pages, batches of 25, SIGINT to the process group; target: exit 130 within 5 s,")
            print("# at most 5 stderr lines, the re-run loads exactly the rest\n")
            for n, at in enumerate(args.at):
                work = base / f"trial-{n}"
                work.mkdir()
                for name, value in trial(corpus, work, env, at).items():
                    print(f"{name:<31}{value}")
                print()
        finally:
            subprocess.run([NEWSETL, "server", "stop"], env=env, capture_output=True)


if __name__ == "__main__":
    main()
