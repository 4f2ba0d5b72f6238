"""Shared by the scale benchmarks (issue 9): inputs built from the article-extraction pages.

The pages (181 news pages, ../shared/data/article-extraction, MIT) are written into a
record-gzipped WARC, as CC-NEWS is, repeated as often as needed. Each copy after the first
gets "[copy N]" added to every paragraph, so copies have different clean text and are stored
as different articles (for 173 of the 181 pages; the other 8 fold into duplicates, which
the store records as further sources of one article).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = str(Path(__file__).parent)
# Worker processes (a process pool, Dask workers) must import this module for extract_only.
sys.path.insert(0, HERE)
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (HERE, os.environ.get("PYTHONPATH", "")) if p)
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_v] = "1"


def data_dir() -> Path:
    base = Path(os.environ.get("NEWSTRACE_DATA") or ROOT.parent / "shared" / "data") / "article-extraction"
    if not (base / "ground-truth.json").exists():
        sys.exit(f"needs {base} (the article-extraction data; set NEWSTRACE_DATA)")
    return base


def cipher(seed: int) -> dict[int, int]:
    """A letter and digit permutation of its own for each copy (same lengths, other words)."""
    rng = random.Random(seed)
    letters, digits = list(string.ascii_lowercase), list(string.digits)
    rng.shuffle(letters)
    rng.shuffle(digits)
    mixed = "".join(letters)
    return str.maketrans(string.ascii_lowercase + string.ascii_uppercase + string.digits, mixed + mixed.upper() + "".join(digits))


def load_pages() -> list[tuple[str, bytes]]:
    base = data_dir()
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    return [(truth[k]["url"], gzip.decompress((base / "html" / f"{k}.html.gz").read_bytes())) for k in sorted(truth)]


def variant(html: bytes, n: int) -> bytes:
    if n == 0:
        return html
    return html.replace(b"</p>", f" [copy {n}]</p>".encode())


def write_warc(path: Path, count: int, pages: list[tuple[str, bytes]] | None = None) -> Path:
    """``count`` responses cycling through the pages (distinct copies), one gzip member per record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = pages or load_pages()
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(count):
            url, html = pages[i % len(pages)]
            copy = i // len(pages)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"{url}#copy{copy}", "response", payload=io.BytesIO(variant(html, copy)), http_headers=headers)
            writer.write_record(record)
    return path


def extract_only(options):  # noqa: ANN001, ANN201 - a pipeline factory ("scale_common:extract_only")
    """Extraction without the analysis stages (for the runs that measure the batch machinery itself)."""
    from newstrace.pipeline import Pipeline

    return Pipeline([], options)


def table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
