"""A file download written by the request's thread, then streamed.

The store's connection belongs to the thread that opened it, so an export is written to a temporary
file first and only the finished bytes are streamed (by another thread) to the client."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from typing import BinaryIO

from fastapi.responses import StreamingResponse


def spooled_download(write: Callable[[BinaryIO], object], media_type: str, filename: str) -> StreamingResponse:
    """Run ``write`` on a temporary file here, then stream it as an attachment named ``filename``."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the streaming generator
    write(spool)
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        try:
            while block := spool.read(64 * 1024):
                yield block
        finally:
            spool.close()

    return StreamingResponse(chunks(), media_type=media_type, headers={"content-disposition": f'attachment; filename="{filename}"'})
