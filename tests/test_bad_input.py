"""Every kind of bad input gives one line naming the input and the reason."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newstrace.errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    InputNotFound,
    InputUnreadable,
)
from newstrace.extract import extract_article
from newstrace.ingest.files import expand_paths, read_file
from newstrace.pipeline import Pipeline
from newstrace.types import AnalysisOptions, ErrorPolicy, Failure

GOOD = "The council approved the plan on Monday after a long debate, officials said in a statement.\n"


def _analyse(path: Path):
    return extract_article(read_file(path))


def _one_line(exc: Exception, path: Path) -> str:
    message = str(exc)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyInput) as info:
        _analyse(path)
    assert "empty" in _one_line(info.value, path)


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n\t \n")
    with pytest.raises(EmptyInput):
        _analyse(path)


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(BinaryInput) as info:
        _analyse(path)
    assert "binary" in _one_line(info.value, path)


def test_unknown_encoding(tmp_path):
    path = tmp_path / "noise.txt"
    # Bytes no encoding makes sense of, without NULs (so not "binary" by that test).
    path.write_bytes(bytes((i * 37 + 11) % 255 + 1 for i in range(3000)))
    with pytest.raises((EncodingError, BinaryInput)) as info:
        _analyse(path)
    _one_line(info.value, path)


def test_legacy_encoding_is_detected_not_refused(tmp_path):
    path = tmp_path / "legacy.txt"
    text = "Die Bürgermeisterin erklärte am Montag, dass die Straßenbahn über die Brücke fahren würde. " * 3
    path.write_bytes(text.encode("latin-1"))
    article = _analyse(path)
    assert "Bürgermeisterin" in article.text


def test_utf16_with_and_without_bom(tmp_path):
    for name, data in (("bom.txt", GOOD.encode("utf-16")), ("nobom.txt", GOOD.encode("utf-16-le"))):
        path = tmp_path / name
        path.write_bytes(data)
        assert "council approved" in _analyse(path).text


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(GOOD)
    original = Path.open

    def deny(self: Path, *args, **kwargs):  # noqa: ANN002, ANN003
        # Tests run as root in CI, where chmod 000 does not stop reading.
        if self == path:
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputUnreadable) as info:
        read_file(path)
    assert "permission denied" in _one_line(info.value, path)


def test_corrupt_gzip_is_unreadable(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>" + GOOD.encode() + b"</p></body></html>")[:-12])
    with pytest.raises(InputUnreadable):
        read_file(path)


def test_missing_path(tmp_path):
    path = tmp_path / "nope.txt"
    with pytest.raises(InputNotFound) as info:
        read_file(path)
    assert "does not exist" in _one_line(info.value, path)
    items = list(expand_paths([path]))
    assert len(items) == 1 and isinstance(items[0], InputNotFound)


def test_directory_with_nothing_readable(tmp_path):
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    (tmp_path / "sub").mkdir()
    items = list(expand_paths([tmp_path]))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "no readable article file" in _one_line(items[0], tmp_path)


def test_batch_goes_on_and_records_each_failure(tmp_path):
    good1, good2 = tmp_path / "a.txt", tmp_path / "b.txt"
    good1.write_text(GOOD)
    good2.write_text("Second story: the river flooded three villages overnight, rescuers said on Tuesday morning.\n")
    empty = tmp_path / "c.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "d.txt"
    binary.write_bytes(b"\x00" * 100)
    pipeline = Pipeline([], AnalysisOptions(error_policy=ErrorPolicy.RECORD))
    outcomes = list(pipeline.run([good1, empty, tmp_path / "missing.txt", binary, good2]))
    failures = [o for o in outcomes if isinstance(o, Failure)]
    articles = [o for o in outcomes if not isinstance(o, Failure)]
    assert len(articles) == 2
    assert {f.code for f in failures} == {"input.empty", "input.not_found", "input.binary"}


def test_raise_policy_raises(tmp_path):
    pipeline = Pipeline([], AnalysisOptions(error_policy=ErrorPolicy.RAISE))
    with pytest.raises(InputNotFound):
        list(pipeline.run([tmp_path / "missing.txt"]))
