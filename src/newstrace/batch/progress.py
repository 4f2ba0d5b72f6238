"""A one-line progress bar: share of input bytes done, documents, documents/s and an ETA.

Progress is measured in input bytes (known before the run from file sizes; documents
are not, since a WARC's record count is only known once read). Units skipped because an
earlier run finished them count as done but not toward the speed, so the ETA of a
resumed run reflects the work actually left.
"""

from __future__ import annotations

import time
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = int(max(0, seconds))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class Progress:
    WIDTH = 24

    def __init__(self, total_bytes: int, stream: TextIO | None, interval: float = 0.5) -> None:
        self.total = total_bytes
        self.stream = stream
        self.interval = interval
        self.started = time.monotonic()
        self.done_bytes = 0
        self.skipped_bytes = 0
        self.documents = 0
        self._last = 0.0

    def skipped(self, size: int) -> None:
        self.skipped_bytes += size
        self.done_bytes += size
        self._draw()

    def advance(self, size: int, documents: int) -> None:
        self.done_bytes += size
        self.documents += documents
        self._draw()

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.documents / elapsed if elapsed > 0 else 0.0

    def eta(self) -> float | None:
        elapsed = time.monotonic() - self.started
        worked = self.done_bytes - self.skipped_bytes
        if worked <= 0 or elapsed <= 0 or not self.total:
            return None
        return max(0, self.total - self.done_bytes) / (worked / elapsed)

    def line(self) -> str:
        parts = []
        if self.total:
            share = min(1.0, self.done_bytes / self.total)
            filled = int(share * self.WIDTH)
            parts.append(f"{share * 100:5.1f}% [{'#' * filled}{'.' * (self.WIDTH - filled)}]")
        parts.append(f"{self.documents} docs")
        parts.append(f"{self.rate:.1f} docs/s")
        eta = self.eta()
        parts.append(f"ETA {_clock(eta)}" if eta is not None else "ETA --:--:--")
        return "  ".join(parts)

    def _draw(self, force: bool = False) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if force or now - self._last >= self.interval:
            self._last = now
            self.stream.write("\r" + self.line() + "  ")
            self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self._draw(force=True)
            self.stream.write("\n")
            self.stream.flush()
