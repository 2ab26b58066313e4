"""h11's receive buffer without the copies of a response body.

h11 (under httpcore, under httpx) appends every received piece to a bytearray, copies it out
again to look whether anything is there, copies it out once more as the body's Data, and
httpcore copies that into bytes: four copies of every byte on the event loop's thread, the
largest CPU cost of a download after the kernel's own (measured with perf, tests/perf P1).
This buffer keeps a piece that arrives into an empty buffer as the bytes object it is, and a
body reader that takes all of it gets that very object (httpcore's bytes() of bytes is no copy).
Headers, chunk sizes and everything else still go through h11's own buffer, unchanged.

h11 builds its buffer by the name ``ReceiveBuffer`` in ``h11._connection``; ``install`` points that
name here (process-wide, once), and leaves h11 as it was if a new h11 laid this out differently.
"""

from __future__ import annotations

from typing import Any

import h11._connection
import h11._receivebuffer


class PassThroughBuffer(h11._receivebuffer.ReceiveBuffer):
    def __init__(self) -> None:
        super().__init__()
        self._whole: bytes | None = None  # a received piece not copied into _data (then empty)

    def _merge(self) -> None:
        if self._whole is not None:
            self._data += self._whole
            self._whole = None

    def __iadd__(self, byteslike: bytes | bytearray) -> PassThroughBuffer:
        if type(byteslike) is bytes and byteslike and self._whole is None and not self._data:
            self._whole = byteslike
        else:
            self._merge()
            self._data += byteslike
        return self

    def __bool__(self) -> bool:
        return bool(self._whole) or bool(self._data)

    def __len__(self) -> int:
        return len(self._data) + (len(self._whole) if self._whole is not None else 0)

    def __bytes__(self) -> bytes:
        self._merge()
        return super().__bytes__()

    def maybe_extract_at_most(self, count: int) -> Any:
        """Up to count bytes of the body: the received piece itself when it fits."""
        whole = self._whole
        if whole is not None:
            if len(whole) <= count:
                self._whole = None
                return whole
            self._whole = whole[count:]  # the message ends inside this piece (rare)
            return whole[:count]
        if not self._data:  # h11 copied the whole buffer just to see this
            return None
        return self._extract(count)

    def maybe_extract_next_line(self) -> Any:
        self._merge()
        return super().maybe_extract_next_line()

    def maybe_extract_lines(self) -> Any:
        self._merge()
        return super().maybe_extract_lines()

    def is_next_line_obviously_invalid_request_line(self) -> bool:
        self._merge()
        return super().is_next_line_obviously_invalid_request_line()


_ORIGINAL = h11._receivebuffer.ReceiveBuffer


def install() -> bool:
    """Make new h11 connections use PassThroughBuffer; False where h11 builds its buffer
    otherwise (the download still works, with the copies)."""
    if getattr(h11._connection, "ReceiveBuffer", None) not in (_ORIGINAL, PassThroughBuffer):
        return False
    if not hasattr(_ORIGINAL, "_extract") or not isinstance(
            getattr(_ORIGINAL(), "_data", None), bytearray):
        return False
    h11._connection.ReceiveBuffer = PassThroughBuffer  # type: ignore[misc]
    return True


def installed() -> bool:
    return getattr(h11._connection, "ReceiveBuffer", None) is PassThroughBuffer
