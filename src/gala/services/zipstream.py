"""A ZIP archive written as it streams, with the standard library alone.

``zipfile`` writes to a stream it cannot seek (it then puts each entry's sizes and CRC in a data
descriptor after the data), so the archive goes out chunk by chunk: memory holds one chunk, and
nothing goes to disk. Entries are stored, not deflated: the outputs (H.264, JPEG) are compressed
already. ZIP64 is forced per entry so that entries and archives over 4 GiB stay readable.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from datetime import datetime


class _Sink:
    """A write-only, unseekable file: zipfile's output, drained by the generator after each write."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.position = 0

    def write(self, data: bytes) -> int:
        if data:
            self.chunks.append(bytes(data))
            self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        return None

    def drain(self) -> Iterator[bytes]:
        chunks, self.chunks = self.chunks, []
        yield from chunks


def stream_zip(entries: Iterable[tuple[str, datetime, Iterable[bytes]]]) -> Iterator[bytes]:
    """The bytes of a ZIP holding each ``(name, modified, chunks)``; chunks are read lazily."""
    sink = _Sink()
    with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_STORED) as archive:  # type: ignore[call-overload]
        for name, modified, chunks in entries:
            info = zipfile.ZipInfo(name, date_time=modified.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED
            with archive.open(info, mode="w", force_zip64=True) as entry:
                for chunk in chunks:
                    entry.write(chunk)
                    yield from sink.drain()
            yield from sink.drain()
    yield from sink.drain()
