"""Cutting inputs into units: byte ranges partition the records exactly, folders are chunked."""

from __future__ import annotations

import gzip
import json

import pytest
from warcs import numbered_pages, page, write_warc

from newstrace.batch.readers import read_unit
from newstrace.batch.units import PlanOptions, WorkUnit, plan
from newstrace.ingest.warc import warc_documents
from newstrace.model import RawDocument
from newstrace.types import Failure


def _offsets(units) -> list[str]:
    out = []
    for unit in units:
        for doc in read_unit(unit):
            assert isinstance(doc, RawDocument), doc
            out.append(doc.source.location)
    return out


@pytest.mark.parametrize("split", [700, 1500, 4096, 50_000])
def test_warc_ranges_see_every_record_exactly_once(tmp_path, split):
    warc = write_warc(tmp_path / "a.warc.gz", numbered_pages(23))
    units = list(plan([warc], PlanOptions(split_bytes=split)))
    assert all(isinstance(u, WorkUnit) and u.kind == "warc" for u in units)
    if split < warc.stat().st_size:
        assert len(units) > 1
    seen = _offsets(units)
    assert len(seen) == len(set(seen)) == 23
    expected = [f"{warc}#offset={d.source.location.rsplit('=', 1)[1]}" for d in warc_documents(warc)]
    assert sorted(seen) == sorted(expected)  # the same records, the same locations, as `ingest` reads


def test_uncompressed_and_single_stream_warcs_are_not_cut(tmp_path):
    plain = write_warc(tmp_path / "p.warc", numbered_pages(6), gzip=False)
    units = list(plan([plain], PlanOptions(split_bytes=500)))
    assert len(units) == 1 and units[0].end == -1
    assert len(_offsets(units)) == 6
    whole = tmp_path / "w.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))  # one gzip stream: no member boundaries to cut at
    units = list(plan([whole], PlanOptions(split_bytes=500)))
    assert len(units) == 1 and units[0].end == -1
    (failure,) = list(read_unit(units[0]))  # warcio reads only record-gzipped WARCs, and says how to fix one
    assert isinstance(failure, Failure) and "recompress" in failure.message


def test_jsonl_ranges_split_on_lines(tmp_path):
    dump = tmp_path / "feed.jsonl"
    with dump.open("w", encoding="utf-8") as fh:
        for n in range(17):
            fh.write(json.dumps({"url": f"https://e.org/{n}", "html": page(n).decode(), "published": "2024-03-01"}) + "\n")
        fh.write("not json\n")
    units = list(plan([dump], PlanOptions(split_bytes=1000)))
    assert len(units) > 5
    docs, failures = [], []
    for unit in units:
        for item in read_unit(unit):
            (failures if isinstance(item, Failure) else docs).append(item)
    assert len({d.source.location for d in docs}) == len(docs) == 17
    assert docs[0].published_hint == "2024-03-01" and docs[0].content_type == "text/html"
    assert len(failures) == 1 and failures[0].input.startswith(f"{dump}#offset=")


def test_folders_are_chunked_lazily_and_archives_get_their_own_units(tmp_path):
    site = tmp_path / "site"
    (site / "deep").mkdir(parents=True)
    for n in range(7):
        (site / ("deep" if n % 2 else "") / f"p{n}.html").write_bytes(page(n))
    (site / "notes.md").write_text("not a page")
    write_warc(site / "crawl.warc.gz", numbered_pages(3, start=100))
    units = list(plan([site], PlanOptions(files_per_unit=3)))
    kinds = sorted(u.kind for u in units)
    assert kinds == ["files", "files", "files", "warc"]
    files = [f for u in units for f in u.files]
    assert len(files) == len(set(files)) == 7
    assert len({u.key for u in units}) == 4


def test_bad_inputs_become_failures(tmp_path):
    (tmp_path / "empty").mkdir()
    out = list(plan([tmp_path / "missing.warc.gz", tmp_path / "empty"]))
    assert [type(o) for o in out] == [Failure, Failure]
    assert out[0].code == "input.not_found" and out[1].code == "input"


def test_unit_keys_change_when_the_input_changes(tmp_path):
    warc = write_warc(tmp_path / "a.warc.gz", numbered_pages(4))
    before = [u.key for u in plan([warc])]
    assert before == [u.key for u in plan([warc])]  # stable
    write_warc(warc, numbered_pages(5))
    assert before != [u.key for u in plan([warc])]


def test_a_damaged_warc_keeps_what_was_read_and_names_where_it_broke(tmp_path):
    warc = write_warc(tmp_path / "a.warc.gz", numbered_pages(6), extra_records=False)
    data = warc.read_bytes()
    half = len(data) // 2
    warc.write_bytes(data[:half] + b"x" * 200 + data[half + 200 :])
    items = list(read_unit(next(iter(plan([warc])))))
    docs = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, Failure)]
    # the damaged gzip member is a failure named by its offset, saying which bytes were skipped;
    # every record after them is read
    assert 4 <= len(docs) < 6 and len(failures) == 1
    (failure,) = failures
    assert "#offset=" in failure.input and failure.code == "input.damaged" and "skipped" in failure.message
