"""Hostile inputs (issue 16): peak memory and time of one worker per input; one table.

    python benchmarks/hostile.py [--scale 1.0] [--cap-mb 3000] [--timeout 120] [--only NAME]
    python benchmarks/hostile.py --batch [--workers 2]

With --batch, every hostile input and the two good pages go into one folder, analysed by one
`newstrace batch FOLDER --workers N` run: the table then has one row, with the run's time, the
largest resident memory any of its processes reached (sampled every 50 ms), and what it stored
and recorded as failed.

Each hostile input (built on the fly by tests/hostile/hostile_inputs.py) is ingested together
with two good pages by `newstrace ingest INPUT good1.html good2.html --db NEW.db`, one process
(the worker: reading, decoding, extraction, analysis, storing). Measured: the process's peak
resident memory (ru_maxrss from wait4) and wall time; the exit status; whether both good pages
were stored; how many documents of the hostile input were stored (a WARC holds several); and the
first error line it printed. A watchdog kills a run that passes --cap-mb of
resident memory or --timeout seconds (so the machine survives the old behaviour); such a run
reads "killed". The first row is the reference: the two good pages alone.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
from hostile_inputs import DOCUMENTS, good_page  # noqa: E402

NEWSTRACE = str(Path(sys.executable).parent / "newstrace")


def _session_rss_mb(sid: int) -> float:
    """The largest resident memory of any process in session ``sid`` (a run and its workers)."""
    peak = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            if int(fields[3]) == sid:  # field 6 of stat: the session id
                peak = max(peak, _rss_mb(int(entry)))
        except (OSError, ValueError, IndexError):
            continue
    return peak


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run(args: list[str], cap_mb: float, timeout: float) -> dict:
    began = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    killed: list[str] = []
    done = threading.Event()
    session_peak = [0.0]

    def watch() -> None:  # never reaps the child (wait4 below does, to read its peak memory)
        while not done.wait(0.05):
            now = _session_rss_mb(proc.pid)
            session_peak[0] = max(session_peak[0], now)
            if max(_rss_mb(proc.pid), now) > cap_mb:
                killed.append(f"killed at {cap_mb:.0f} MB")
            elif time.perf_counter() - began > timeout:
                killed.append(f"killed at {timeout:.0f} s")
            if killed:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out: list[bytes] = []
    err: list[bytes] = []
    readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read())) for s, b in ((proc.stdout, out), (proc.stderr, err))]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    proc.returncode = os.waitstatus_to_exitcode(status)
    for r in readers:
        r.join()
    watcher.join()
    return {
        "seconds": time.perf_counter() - began,
        "peak_mb": usage.ru_maxrss / 1024,
        "session_peak_mb": session_peak[0],
        "rc": proc.returncode,
        "killed": killed[0] if killed else "",
        "stdout": b"".join(out).decode("utf-8", "replace"),
        "stderr": b"".join(err).decode("utf-8", "replace"),
    }


def stored(db: Path) -> list[str]:
    """Every source location the store holds (an article and each further place it was seen)."""
    import sqlite3

    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        try:
            return [r[0] for r in conn.execute("SELECT location FROM article_sources")]
        except sqlite3.Error:
            return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="size of the big inputs relative to the issue's probe")
    parser.add_argument("--cap-mb", type=float, default=3000, help="watchdog: kill a run above this resident memory")
    parser.add_argument("--timeout", type=float, default=120, help="watchdog: kill a run after this many seconds")
    parser.add_argument("--only", default="", help="only inputs whose name contains this")
    parser.add_argument("--batch", action="store_true", help="one batch run over all the inputs together")
    parser.add_argument("--workers", type=int, default=2, help="with --batch: worker processes")
    args = parser.parse_args()
    if args.batch:
        batch_table(args)
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        goods = []
        for n in (1, 2):
            path = folder / f"good{n}.html"
            path.write_bytes(good_page(n))
            goods.append(path)
        cases = [("reference: two good pages", None)] + [(k, v) for k, v in DOCUMENTS.items() if args.only in k]
        for i, (name, build) in enumerate(cases):
            case_dir = folder / f"case{i}"
            case_dir.mkdir()
            inputs = [str(build(case_dir, args.scale))] if build else []
            db = case_dir / "news.db"
            result = run([NEWSTRACE, "ingest", *inputs, *map(str, goods), "--db", str(db)], args.cap_mb, args.timeout)
            errors = [line for line in result["stderr"].splitlines() if line.startswith("error:")]
            first = errors[0] if errors else (result["stderr"].strip().splitlines() or [""])[-1]
            for path in case_dir.iterdir():
                if path.name != "news.db":
                    first = first.replace(str(path), path.name)
            locations = stored(db)
            good = sum(any(loc.endswith(g.name) for loc in locations) for g in goods)
            own = sum(any(loc.startswith(i) for i in inputs) for loc in locations)
            rows.append((name, result["peak_mb"], result["seconds"], result["killed"] or str(result["rc"]),
                         good, own, len(result["stderr"].splitlines()), first[:110]))
            print(f"# {name}: {rows[-1][1]:.0f} MB, {rows[-1][2]:.1f} s", file=sys.stderr, flush=True)
    print("| input | peak MB | seconds | exit | good stored (of 2) | stored from the input | stderr lines | first error line |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |")
    for name, peak, seconds, rc, good, own, lines, first in rows:
        cell = first.replace("|", "\\|")
        print(f"| {name} | {peak:.0f} | {seconds:.1f} | {rc} | {good} | {own} | {lines} | {cell} |")


def batch_table(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "inputs"
        folder.mkdir()
        for n in (1, 2):
            (folder / f"good{n}.html").write_bytes(good_page(n))
        for i, (name, build) in enumerate(DOCUMENTS.items()):
            case = Path(tmp) / f"case{i}"
            case.mkdir()
            built = build(case, args.scale)
            built.rename(folder / f"{i:02d}-{built.name}")
        db = Path(tmp) / "news.db"
        command = [NEWSTRACE, "batch", str(folder), "--workers", str(args.workers), "--files-per-unit", "4", "--db", str(db), "--no-progress"]
        result = run(command, args.cap_mb, args.timeout * len(DOCUMENTS))
        locations = stored(db)
        good = sum(any(loc.endswith(f"good{n}.html") for loc in locations) for n in (1, 2))
        summary = " / ".join(line for line in result["stdout"].splitlines()[:2])
    print("| run | seconds | largest process, MB | exit | good stored (of 2) | sources stored | summary |")
    print("| --- | ---: | ---: | --- | ---: | ---: | --- |")
    print(f"| batch, {len(DOCUMENTS)} hostile inputs + 2 good pages, --workers {args.workers} | {result['seconds']:.1f} |"
          f" {result['session_peak_mb']:.0f} | {result['killed'] or result['rc']} | {good} | {len(locations)} | {summary} |")


if __name__ == "__main__":
    main()
