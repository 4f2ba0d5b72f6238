"""WARC and ARC files, gzipped or not, streamed record by record, damage reported per record.

Only HTTP responses whose Content-Type is HTML (or unstated and sniffed as HTML) become
documents; request, metadata, revisit and DNS records are skipped. The record's target URI and
date become ``RawDocument.url`` and ``fetched_at``. A WARC says when a page was captured, not when
it was published, so ``published_hint`` stays None.

Archives from the web are often damaged: cut short by a failed download, a byte flipped in a gzip
member, a Content-Length that does not match the record. This module frames the records itself
(gzip member by member for a ``.warc.gz``, by Content-Length for a ``.warc``) and hands each whole
record to warcio to parse, so every record that cannot be read becomes a
:class:`~newstrace.errors.DamagedInput` named ``FILE#offset=N`` (the reader then moves on to the
next record that can be found), a cut-off file says where it ends, and nothing of the damaged
bytes is ever printed. A file that is not a WARC or ARC at all raises
:class:`~newstrace.errors.WrongFormat`. ARC files go through warcio's own iterator.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newstrace.errors import DamagedInput, InputError, InputNotFound, InputUnreadable, WrongFormat
from newstrace.ingest.charset import charset_from_content_type
from newstrace.limits import Limits, over_limit
from newstrace.model import RawDocument, SourceRef

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = re.compile(rb"WARC/1\.[01]\r?\n")
_CHUNK = 1 << 16
_MAX_HEADER = 64 * 1024  # a WARC header block longer than this is damage, not a header
_HEAD_BYTES = 64 * 1024  # what is read of a record before knowing whether it is wanted

Item = RawDocument | InputError


@dataclass(frozen=True, slots=True)
class WarcOptions:
    max_bytes: int | None = None  # larger HTML payloads are refused; None: the input_bytes limit
    ok_only: bool = True  # keep HTTP 2xx responses only
    sniff_untyped: bool = True  # treat a response with no Content-Type as HTML when it looks like it


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    text = value.strip()
    try:
        if text.isdigit() and len(text) == 14:  # ARC dates: 20191119100200
            return datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _looks_html(head: bytes) -> bool:
    lowered = head[:1024].lstrip().lower()
    return lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered


def printable(data: bytes, limit: int = 40) -> str:
    """A short, safe rendering of bytes for a message: printable ASCII only, else a count."""
    head = data[:limit].decode("ascii", "replace")
    if all(c.isprintable() for c in head):
        return repr(head + ("…" if len(data) > limit else ""))
    return f"{len(data)} bytes of binary data"


def record_document(record: Any, location: str, options: WarcOptions | None = None, limits: Limits | None = None) -> Item | None:
    """The HTML response a warcio record holds, as a document at ``location``; None for any other record.

    An HTML response larger than the payload limit is an InputTooLarge error (not skipped).
    """
    options = options or WarcOptions()
    limits = limits or Limits.from_env()
    max_bytes = options.max_bytes or limits.input_bytes
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    if options.ok_only and not (status and status.startswith("2")):
        return None
    content_type = record.http_headers.get_header("Content-Type")
    media = content_type.split(";")[0].strip().lower() if content_type else None
    if media is not None and not media.startswith(_HTML_TYPES):
        return None
    payload = record.content_stream().read(max_bytes + 1)
    if not payload:
        return None
    if media is None and not (options.sniff_untyped and _looks_html(payload)):
        return None
    if len(payload) > max_bytes:
        return over_limit("the page in this record is larger than the limit", "input_bytes", limits, location)
    return RawDocument(
        content=payload,
        source=SourceRef("warc", location),
        url=record.rec_headers.get_header("WARC-Target-URI"),
        content_type=media or "text/html",
        encoding=charset_from_content_type(content_type),
        fetched_at=_when(record.rec_headers.get_header("WARC-Date")),
        published_hint=None,
    )


# -- the stream of decompressed bytes --------------------------------------------------------


class _Damage(Exception):
    """The bytes at ``offset`` cannot be read as a record; ``resync`` says whether reading can go on."""

    def __init__(self, offset: int, reason: str, resync: bool = True) -> None:
        super().__init__(reason)
        self.offset = offset
        self.reason = reason
        self.resync = resync


class _Stream:
    """Decompressed bytes from ``pos`` on, gzip member by member (or the raw bytes of a plain file).

    ``member`` is the offset of the gzip member being read; ``at`` (plain files) the offset of
    the first byte in the buffer.
    """

    def __init__(self, fh: BinaryIO, pos: int, gzipped: bool, size: int) -> None:
        self.fh, self.gzipped, self.size = fh, gzipped, size
        fh.seek(pos)
        self.member = self.at = self.pending_at = pos
        self.buf = bytearray()
        self.decomp: Any = zlib.decompressobj(wbits=31) if gzipped else None
        self.pending = b""  # raw bytes read but not yet decompressed; they start at pending_at
        self.member_done = False

    def _fill(self) -> bool:
        """Add some bytes to the buffer; False at the end of the current member (or file)."""
        if not self.gzipped:
            block = self.fh.read(_CHUNK)
            self.buf += block
            return bool(block)
        while not self.member_done:
            if not self.pending:
                self.pending_at = self.fh.tell()
                self.pending = self.fh.read(_CHUNK)
                if not self.pending:
                    reason = f"the archive ends inside this record (the file stops at byte {self.size:,}: cut short?)"
                    raise _Damage(self.member, reason, resync=False)
            fed = self.pending
            try:
                out = self.decomp.decompress(fed, _CHUNK)
            except zlib.error as err:
                raise _Damage(self.member, f"damaged gzip data ({err})") from None
            if self.decomp.eof:
                rest = self.decomp.unused_data
                self.member_done = True
            else:
                rest = self.decomp.unconsumed_tail
            self.pending_at += len(fed) - len(rest)
            self.pending = rest
            if out:
                self.buf += out
                return True
        return False

    def next_member(self) -> bool:
        """Start the gzip member that follows the one just read; False at the end of the file."""
        if not self.pending:
            self.pending_at = self.fh.tell()
            self.pending = self.fh.read(_CHUNK)
        if not self.pending:
            return False
        self.member = self.pending_at
        if not self.pending.startswith(_GZIP_MAGIC[:2]):
            raise _Damage(self.member, f"bytes that are no gzip member follow the record before ({printable(self.pending)})")
        self.decomp = zlib.decompressobj(wbits=31)
        self.member_done = False
        return True

    def readline(self, limit: int = _MAX_HEADER) -> bytes:
        while True:
            i = self.buf.find(b"\n")
            if i >= 0:
                return self.take(i + 1)
            if len(self.buf) > limit:
                raise _Damage(self.start_offset(), "a header line is far too long: not a WARC record")
            if not self._fill():
                return self.take(len(self.buf))

    def read(self, n: int) -> bytes:
        while len(self.buf) < n and self._fill():
            pass
        return self.take(min(n, len(self.buf)))

    def skip(self, n: int) -> int:
        """Discard up to ``n`` bytes without holding them; returns how many there were."""
        done = 0
        while done < n:
            if not self.buf and not self._fill():
                break
            k = min(n - done, len(self.buf))
            self.take(k)
            done += k
        return done

    def take(self, n: int) -> bytes:
        out = bytes(self.buf[:n])
        del self.buf[:n]
        self.at += n
        return out

    def unread(self, data: bytes) -> None:
        self.buf[:0] = data
        self.at -= len(data)

    def start_offset(self) -> int:
        """Where the bytes at the head of the buffer start (gzip: their member)."""
        return self.member if self.gzipped else self.at

    def rest_is_blank(self) -> bool:
        """Plain file: only line breaks up to the next ``WARC/`` line or the end; gzip: up to the member's end."""
        while True:
            stripped = self.buf.lstrip(b"\r\n")
            self.take(len(self.buf) - len(stripped))
            if self.buf:
                if self.gzipped:
                    if bytes(self.buf[:5]) == b"WARC/":
                        reason = "this gzip member holds more than one record: recompress the file with one member per record (warcio recompress)"
                        raise _Damage(self.member, reason, resync=False)
                    return False
                while len(self.buf) < 5 and self._fill():
                    pass
                return bytes(self.buf[:5]) == b"WARC/"
            if not self._fill():
                return True


# -- framing records -------------------------------------------------------------------------


_CONTENT_LENGTH = re.compile(rb"(\ncontent-length:[ \t]*)(\d+)[ \t]*\r?\n", re.IGNORECASE)


def _content_length(header: bytes) -> int | None:
    match = _CONTENT_LENGTH.search(header)
    return int(match.group(2)) if match else None


def _one_record(stream: _Stream, offset: int, location: str, options: WarcOptions, limits: Limits) -> Item | None:
    """Read the record at the head of ``stream`` (its WARC/1.x line already checked)."""
    lines = [stream.readline()]
    while True:
        line = stream.readline()
        if not line:
            raise _Damage(offset, "the archive ends inside this record's header", resync=not stream.gzipped)
        lines.append(line)
        if not line.strip():
            break
        if sum(map(len, lines)) > _MAX_HEADER:
            raise _Damage(offset, "the record's header never ends: not a WARC record")
    header = b"".join(lines)
    length = _content_length(header)
    if length is None:
        raise _Damage(offset, "the record has no Content-Length")
    head = stream.read(min(length, _HEAD_BYTES))
    if not head.startswith(b"HTTP/") or length > (options.max_bytes or limits.input_bytes) + _HEAD_BYTES:
        # Not an HTTP response, or too large to hold: decide on its head, skip the rest unread.
        got = len(head) + stream.skip(length - len(head))
        if got < length:
            raise _cut_short(stream, offset, got, length)
        _check_end(stream, offset)
        if not head.startswith(b"HTTP/"):
            return None
        header = _CONTENT_LENGTH.sub(b"\\g<1>%d\r\n" % len(head), header, count=1)
        found = record_document(_parse(header, head, offset), location, dataclasses.replace(options, max_bytes=1), limits)
        if found is None:
            return None
        return over_limit(f"the page in this record is {length:,} bytes, larger than the limit", "input_bytes", limits, location)
    block = head + stream.read(length - len(head))
    if len(block) < length:
        raise _cut_short(stream, offset, len(block), length)
    _check_end(stream, offset)
    return record_document(_parse(header, block, offset), location, options, limits)


def _parse(header: bytes, block: bytes, offset: int) -> Any:
    """One framed record, parsed by warcio."""
    try:
        return next(iter(ArchiveIterator(io.BytesIO(header + block + b"\r\n\r\n"))))
    except (ArchiveLoadFailed, StopIteration, ValueError) as err:
        raise _Damage(offset, f"the record cannot be parsed ({type(err).__name__})") from None


def _cut_short(stream: _Stream, offset: int, got: int, length: int) -> _Damage:
    if stream.gzipped and stream.member_done:
        return _Damage(offset, f"the record is shorter than its Content-Length ({got:,} of {length:,} bytes)")
    if stream.gzipped:
        return _Damage(offset, f"the archive ends inside this record (the file stops at byte {stream.size:,}: cut short?)", resync=False)
    # A plain file: cut short, or a Content-Length too large that ran over the next records (found by resyncing).
    return _Damage(offset, f"the record's Content-Length ({length:,}) runs past the end of the file at byte {stream.size:,} (cut short, or a wrong length)")


def _check_end(stream: _Stream, offset: int) -> None:
    """After a block: nothing but line breaks before the next record (or the member's end)."""
    if not stream.rest_is_blank():
        if stream.gzipped:
            raise _Damage(offset, "the record does not end where its Content-Length says (or its gzip member holds more than one record)")
        raise _Damage(offset, "the record does not end where its Content-Length says")


def _resync(fh: BinaryIO, after: int, end: int, gzipped: bool) -> int | None:
    """The next offset after ``after`` where a record can be read (and that lies before ``end``)."""
    if gzipped:
        return next_member(fh, after, end)
    return next(_matches(fh, after, end, _WARC_LINE), None)


def next_member(fh: BinaryIO, start: int, end: int) -> int | None:
    """Offset of the first gzip member at or after ``start`` (and before ``end``) that holds a WARC record."""
    return next((at for at in _matches(fh, start, end, _GZIP_MEMBER) if _opens_warc_record(fh, at)), None)


_GZIP_MEMBER = re.compile(re.escape(_GZIP_MAGIC))


def _matches(fh: BinaryIO, start: int, end: int, pattern: re.Pattern[bytes], overlap: int = 16) -> Iterator[int]:
    """Offsets of ``pattern`` in the file from ``start`` (to ``end``), read a block at a time."""
    pos, carry, last = start, b"", -1
    while end < 0 or pos < end:
        fh.seek(pos + len(carry))
        block = fh.read(1 << 16)
        if not block:
            return
        data = carry + block  # data[0] lies at offset pos; the carry lets a match straddle two blocks
        for match in pattern.finditer(data):
            at = pos + match.start()
            if at <= last:
                continue
            if end >= 0 and at >= end:
                return
            last = at
            yield at
        keep = min(overlap, len(data))
        pos += len(data) - keep
        carry = data[-keep:]


def _opens_warc_record(fh: BinaryIO, offset: int) -> bool:
    here = fh.tell()
    try:
        fh.seek(offset)
        head = fh.read(16 * 1024)
        out = zlib.decompressobj(wbits=31).decompress(head, 64)
        return out.startswith((b"WARC/", b"\r\nWARC/"))
    except zlib.error:
        return False
    finally:
        fh.seek(here)


def _kind(fh: BinaryIO) -> str:
    """'warc', 'warc.gz', 'arc', 'arc.gz', or what the file starts with instead."""
    fh.seek(0)
    head = fh.read(4096)
    fh.seek(0)
    gzipped = head.startswith(_GZIP_MAGIC)
    if gzipped:
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 256)
        except zlib.error:
            return "damaged gzip"
    text = head.lstrip(b"\r\n")
    if text.startswith(b"WARC/"):
        return "warc.gz" if gzipped else "warc"
    if text.startswith(b"filedesc://") or re.match(rb"\S+ \S+ \d{14} \S+ \d+\r?\n", text):
        return "arc.gz" if gzipped else "arc"
    return "not " + printable(text)


def read_records(
    fh: BinaryIO,
    path: str,
    *,
    start: int = 0,
    end: int = -1,
    single: bool = False,
    options: WarcOptions | None = None,
    limits: Limits | None = None,
) -> Iterator[Item]:
    """Documents and per-record errors of the records that start in ``[start, end)`` of an open archive.

    ``single``: only the record at ``start``. Raises WrongFormat when the file is no WARC/ARC.
    """
    options = options or WarcOptions()
    limits = limits or Limits.from_env()
    fh.seek(0, io.SEEK_END)
    size = fh.tell()
    kind = _kind(fh)
    if kind.startswith("not ") or kind == "damaged gzip":
        if size == 0:
            raise WrongFormat("is empty, not a WARC or ARC file", input=path)
        what = "its gzip data is damaged from the first byte" if kind == "damaged gzip" else f"it starts with {kind[4:]}"
        raise WrongFormat(f"is not a WARC or ARC file ({what})", input=path)
    if kind.startswith("arc"):
        yield from _arc_records(fh, path, start, end, single, options, limits)
        return
    gzipped = kind == "warc.gz"
    pos: int | None = start
    if start > 0 and not single:
        pos = _resync(fh, start, end, gzipped) if gzipped else start
    while pos is not None:
        try:
            yield from _records_from(fh, path, pos, end, single, gzipped, size, options, limits)
            return
        except _Damage as damage:
            pos = None if single or not damage.resync else _resync(fh, damage.offset + 1, end, gzipped)
            skipped = f"; bytes {damage.offset:,} to {pos:,} skipped" if pos is not None else ""
            if pos is None and damage.resync and not single:
                skipped = f"; no readable record after it{' in this range' if end >= 0 else ''}"
            yield DamagedInput(damage.reason + skipped, input=f"{path}#offset={damage.offset}")


def _records_from(
    fh: BinaryIO, path: str, pos: int, end: int, single: bool, gzipped: bool, size: int, options: WarcOptions, limits: Limits
) -> Iterator[Item]:
    stream = _Stream(fh, pos, gzipped, size)
    first = True
    while True:
        if gzipped and not first:
            if not stream.next_member():
                return
        first = False
        offset = stream.start_offset()
        line = stream.readline()
        while line and not line.strip():
            offset = stream.start_offset()
            line = stream.readline()
        if not line:
            return
        if end >= 0 and offset >= end and not single:
            return
        if not _WARC_LINE.fullmatch(line):
            raise _Damage(offset, f"no WARC record starts here (found {printable(line)})")
        stream.unread(line)  # _one_record reads the version line again
        item = _one_record(stream, offset, f"{path}#offset={offset}", options, limits)
        if item is not None:
            yield item
        if single:
            return


def _arc_records(fh: BinaryIO, path: str, start: int, end: int, single: bool, options: WarcOptions, limits: Limits) -> Iterator[Item]:
    """ARC files (legacy) through warcio's own iterator; a read error ends the file with one failure."""
    fh.seek(start)
    records = ArchiveIterator(fh, arc2warc=True)
    offset = start
    try:
        for record in records:
            offset = records.offset
            if end >= 0 and offset >= end and not single:
                break
            item = record_document(record, f"{path}#offset={offset}", options, limits)
            if item is not None:
                yield item
            if single:
                break
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as err:
        yield DamagedInput(f"the ARC file cannot be read from here on ({type(err).__name__})", input=f"{path}#offset={offset}")


def read_warc(stream: BinaryIO, location: str, options: WarcOptions | None = None) -> Iterator[RawDocument]:
    """HTML responses from an open WARC/ARC byte stream, one at a time; the first damaged record raises."""
    for item in read_records(stream, location, options=options):
        if isinstance(item, InputError):
            raise item
        yield item


def warc_items(path: str | Path, options: WarcOptions | None = None, limits: Limits | None = None) -> Iterator[Item]:
    """Documents and per-record errors from a ``.warc``, ``.warc.gz``, ``.arc`` or ``.arc.gz`` file."""
    path = Path(path)
    if not path.exists():
        raise InputNotFound("no such file", input=str(path))
    try:
        fh = path.open("rb")
    except OSError as err:
        raise InputUnreadable(f"cannot be opened ({err.strerror})", input=str(path)) from err
    with fh:
        yield from read_records(fh, str(path), options=options, limits=limits)


def warc_documents(path: str | Path, options: WarcOptions | None = None) -> Iterator[RawDocument]:
    """HTML responses from an archive file, streamed; the first damaged record raises its error."""
    for item in warc_items(path, options):
        if isinstance(item, InputError):
            raise item
        yield item


