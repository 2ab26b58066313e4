"""What a job produces: a deterministic file of any size, served fast from a small pattern.

Byte ``i`` of a job's file is ``header[i]`` for the first few bytes (a plausible container
header so sniffers see media) and ``pattern[i % PERIOD]`` after that. The pattern is seeded by the
job id, so the same job always yields the same bytes and two jobs never share them. PERIOD is a
prime just under 1 MiB: a resume that lands N bytes off (for any N that is not a multiple of
PERIOD) produces a different file, whatever power-of-two block size the client uses.
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading
from collections.abc import Callable, Iterator
from urllib.parse import quote, unquote, urlsplit

PERIOD = 1_048_573  # prime, ~1 MiB
HASH_INLINE_LIMIT = 32 * 1024 * 1024  # bigger files are hashed on a worker thread

CONTENT_TYPES = {
    "mp4": "video/mp4",
    "webm": "video/webm",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
}
_MEDIA_SUFFIX = re.compile(r"\.(mp4|webm|mkv|mov|avi|mp3|m4a|aac|ogg|opus|wav|flac)$", re.I)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def container_for(fmt: str | None, audio_only: bool) -> str:
    """The produced container: the requested format, else mp3 for audio and mp4 for video."""
    return fmt or ("mp3" if audio_only else "mp4")


def filename_for(source_url: str, container: str) -> str:
    """A safe file name from the source URL's last path segment, e.g. ``cat.mp4``."""
    segment = unquote(urlsplit(source_url).path.rstrip("/").rsplit("/", 1)[-1])
    stem = _UNSAFE.sub("_", _MEDIA_SUFFIX.sub("", segment)).strip("._-")[:80]
    return f"{stem or 'video'}.{container}"


def path_segment(name: str) -> str:
    """``name`` as one URL path segment that decodes back to exactly ``name`` (names given with
    ``filename=`` may hold '/', '?', '%' or be '..'; a bare dot segment would be normalised away)."""
    segment = quote(name, safe="")
    return segment.replace(".", "%2E") if set(name) <= {"."} else segment


def _header(container: str, size: int) -> bytes:
    if container in ("mp4", "m4a"):
        brand = b"isom" if container == "mp4" else b"M4A "
        ftyp = b"\x00\x00\x00\x20ftyp" + brand + b"\x00\x00\x02\x00" + brand + b"iso2avc1mp41"
        # A 64-bit-sized 'mdat' box covering the rest of the file.
        mdat = b"\x00\x00\x00\x01mdat" + max(0, size - len(ftyp)).to_bytes(8, "big")
        return ftyp + mdat
    if container == "webm":
        ebml = bytes.fromhex("1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102")
        return ebml + bytes.fromhex("1853806701ffffffffffffff")  # Segment of unknown size
    return b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64"  # ID3v2 tag + MPEG frame


class Content:
    """The bytes of one job's file, readable at any offset without materialising them."""

    def __init__(self, job_id: str, size: int, container: str) -> None:
        self.size = size
        self._header = memoryview(_header(container, size))
        pattern = hashlib.shake_256(b"videoconduit-sandbox:" + job_id.encode()).digest(PERIOD)
        # Two periods back to back: any PERIOD-long run starting anywhere is one contiguous slice.
        self._ring = memoryview(pattern * 2)
        self.etag = '"' + hashlib.sha256(pattern[:64] + size.to_bytes(8, "big")).hexdigest()[:32] + '"'

    def view(self, offset: int, max_length: int) -> memoryview:
        """Up to ``max_length`` (≤ PERIOD) bytes starting at ``offset``, without copying."""
        length = min(max_length, self.size - offset)
        if offset < len(self._header):
            return self._header[offset : offset + min(length, len(self._header) - offset)]
        start = offset % PERIOD
        return self._ring[start : start + min(length, PERIOD)]

    def beyond(self, offset: int, max_length: int) -> memoryview:
        """Bytes the pattern would hold at ``offset`` if the file were longer: what a file reply
        with ``extra_bytes`` sends past the end, indistinguishable from the file by looking."""
        start = offset % PERIOD
        return self._ring[start : start + min(max_length, PERIOD)]

    def chunks(self, start: int, end: int, chunk_size: int = PERIOD) -> Iterator[memoryview]:
        while start < end:
            piece = self.view(start, min(chunk_size, end - start))
            yield piece
            start += len(piece)

    def sha256(self, cancelled: threading.Event | None = None) -> str | None:
        """The file's hex digest, or None if ``cancelled`` got set meanwhile."""
        digest = hashlib.sha256()
        for piece in self.chunks(0, self.size):
            if cancelled is not None and cancelled.is_set():
                return None
            digest.update(piece)
        return digest.hexdigest()


@functools.lru_cache(maxsize=8)
def content_of(job_id: str, size: int, container: str) -> Content:
    """Patterns are cheap to make (a few ms) but 2 MiB each, so only recent ones are kept."""
    return Content(job_id, size, container)


def hash_content(content: Content, done: Callable[[str], None], cancelled: threading.Event) -> None:
    """Call ``done(sha256)``: at once for small files, from a daemon thread for big ones (hashlib
    releases the GIL, so the event loop keeps serving while a 2 GiB file is hashed)."""

    def work() -> None:
        digest = content.sha256(cancelled)
        if digest is not None:
            done(digest)

    if content.size <= HASH_INLINE_LIMIT:
        work()
    else:
        threading.Thread(target=work, name="sandbox-sha256", daemon=True).start()
