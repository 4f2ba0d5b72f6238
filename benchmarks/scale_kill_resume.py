"""Kill-and-resume (issue 9): kill -9 a batch run at random points, resume, compare; one table.

    python benchmarks/scale_kill_resume.py [--docs 2000] [--kills 5] [--pipeline extract|full] [--db sqlite|postgresql]

An uninterrupted run and an interrupted one over the same WARC of --docs distinct pages
(2 worker processes). The interrupted run is killed with SIGKILL (its whole process group,
workers included, as a power cut would) after a random 2-12 s, --kills times, then run to
the end. Checked: the final store has the same articles as the uninterrupted run (a few
pages' copies fold into one article, see scale_common.py), exactly --docs sources (every
document recorded once), no failures, and every article's stored record (the whole
analysis, as JSON) identical to the uninterrupted run's. `--pipeline extract` (the default, for time) skips the analysis
stages; `full` runs them (about 40x slower on this machine).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale_common import table, write_warc

CHILD = """
import sys
sys.path.insert(0, {here!r})
from newstrace.batch import BatchOptions, PlanOptions, run_batch
run_batch([sys.argv[1]], BatchOptions(db=sys.argv[2], workers=2, pipeline_factory=sys.argv[3], plan=PlanOptions(split_bytes=1 << 20)))
"""


def run(warc: Path, db: str, factory: str) -> subprocess.Popen:
    code = CHILD.format(here=str(Path(__file__).parent))
    return subprocess.Popen([sys.executable, "-c", code, str(warc), db, factory], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def records(db: str) -> dict[str, str]:
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as conn:
            return dict(conn.execute("SELECT id, record FROM articles").fetchall())
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT id, record FROM articles").fetchall())


def stats(db: str) -> dict[str, int]:
    from newstrace.store import open_store

    with open_store(db) as store:
        return store.stats()


def fresh_db(kind: str, tmp: str, name: str) -> str:
    if kind == "sqlite":
        return str(Path(tmp) / f"{name}.db")
    import uuid
    from urllib.parse import quote

    import psycopg

    base = os.environ["NEWSTRACE_TEST_PG_URL"]
    schema = f"kr_{name}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(base, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    return f"{base}{'&' if '?' in base else '?'}options={quote(f'-c search_path={schema}')}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--pipeline", choices=["extract", "full"], default="extract")
    ap.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args()
    factory = "scale_common:extract_only" if args.pipeline == "extract" else "newstrace.pipeline:build_pipeline"
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        warc = write_warc(Path(tmp) / "kr.warc.gz", args.docs)
        clean, broken = fresh_db(args.db, tmp, "clean"), fresh_db(args.db, tmp, "killed")
        t = time.perf_counter()
        assert run(warc, clean, factory).wait() == 0
        clean_seconds = time.perf_counter() - t
        kills = []
        for _ in range(args.kills):
            proc = run(warc, broken, factory)
            wait = rng.uniform(5, 30)
            time.sleep(wait)
            if proc.poll() is not None:
                break
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            kills.append((round(wait, 1), stats(broken)["articles"]))
        assert run(warc, broken, factory).wait() == 0
        a, b = records(clean), records(broken)
        sa, sb = stats(clean), stats(broken)
    same = sum(1 for k in a if b.get(k) == a[k])
    rows = [
        ["uninterrupted", sa["articles"], sa["sources"], sa["failures"], "-", f"{clean_seconds:.0f} s"],
        [f"killed {len(kills)}x, resumed", sb["articles"], sb["sources"], sb["failures"], f"{same}/{len(a)}",
         "killed after " + ", ".join(f"{w}s ({n} stored)" for w, n in kills)],
    ]
    print(table(["run", "articles", "sources", "failures", "records identical", "notes"], rows))
    ok = sa["articles"] == sb["articles"] and sa["sources"] == sb["sources"] == args.docs and same == len(a) == len(b) and set(a) == set(b)
    print(f"\n{'PASS' if ok else 'FAIL'}: {args.docs} documents, {args.pipeline} pipeline, {args.db}: "
          f"{sb['articles'] - sa['articles']:+d} articles and {sb['sources'] - args.docs:+d} sources vs the uninterrupted run,"
          f" {len(a) - same} records differ")
    print(json.dumps({"kills": kills}))


if __name__ == "__main__":
    main()
