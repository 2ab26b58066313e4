"""Streaming a finished video from the file host into a .part file, resumably; the .part on disk
(opening it safely, moving it into place) is part_disk.py. httpx only, no Qt.

The file host is not the API: it never gets the API key (every request here is stripped of
Authorization, whatever client is passed in), and a redirect from https to http is refused
rather than followed, since the bytes would arrive unauthenticated.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import httpx

from app import __version__
from app.api import uncancelled
from app.engine import bulk_reads
from app.engine.filenames import filename_from_content_disposition, safe_filename
from app.engine.part_disk import (
    FileId,
    check_free_space,
    is_own_part,
    open_part,
    own_part_size,
    remove_own_part,
    sync_and_size,
)
from app.engine.part_writer import PartWriter, earlier_writer_done
from app.engine.transfer_errors import TransferError, message, os_error

__all__ = ["SpeedMeter", "TransferError", "TransferResult", "download_to_part",
           "is_insecure_redirect", "make_file_client", "validator_of"]

MAX_REDIRECTS = 10
USER_AGENT = f"VideoConduit-Desktop/{__version__}"
PROGRESS_INTERVAL = 0.1  # seconds: at most ~10 progress calls a second
# Pages, not media: a login wall, a CDN error page served with 200, an API error body.
_PAGE_TYPES = frozenset({"text/html", "text/plain", "application/xhtml+xml", "application/json"})
_CONTENT_RANGE = re.compile(r"\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$", re.IGNORECASE)
_UNSATISFIED_RANGE = re.compile(r"\s*bytes\s+\*/(\d+)\s*$", re.IGNORECASE)
# Nothing hangs: the file host's answer (its status and headers, across redirects) must arrive
# within HEADER_DEADLINE seconds, and its body must bring at least STALL_BYTES in every
# STALL_WINDOW seconds (a byte every 25 s passes any per-read timeout). Either is a retryable
# network error: the row resumes later with backoff and, if the host stays that slow, fails in
# words. Read at every call, so a test can shorten them.
HEADER_DEADLINE = 60.0
STALL_WINDOW = 60.0
STALL_BYTES = 64 << 10


@dataclass(frozen=True)
class TransferResult:
    path: Path
    size: int
    content_type: str | None
    suggested_name: str | None
    validator: str | None = None  # the version of the file the part now holds


def is_insecure_redirect(source: httpx.URL | str, target: httpx.URL | str) -> bool:
    """True when following source → target would leave https for plain http."""
    return httpx.URL(source).scheme == "https" and httpx.URL(target).scheme == "http"


def _strip_credentials(request: httpx.Request) -> None:
    request.headers.pop("Authorization", None)
    request.headers.pop("Proxy-Authorization", None)


async def _strip_credentials_hook(request: httpx.Request) -> None:
    _strip_credentials(request)


async def _refuse_downgrade_hook(response: httpx.Response) -> None:
    location = response.headers.get("Location")
    if response.is_redirect and location is not None:
        target = response.request.url.join(location)
        if is_insecure_redirect(response.request.url, target):
            raise TransferError("insecure_redirect")


def make_file_client() -> httpx.AsyncClient:
    """The client for file hosts: its own connection pool, never an Authorization header,
    redirects followed except https → http, uncompressed bodies (byte offsets must match
    Range and Content-Length), patient reads for slow CDNs, and socket reads in large pieces
    (bulk_reads: the default 64 KiB pieces cost more CPU than the bytes themselves). Requests
    go through the same proxy as API calls (environment or system settings): a client built
    with its own transport gets no proxy from httpx, so the mounts come from app.api.transport."""
    from app.api.transport import proxy_mounts  # kept inside: this function owns the wiring

    def bulk_transport(proxy: httpx.Proxy | None = None) -> httpx.AsyncHTTPTransport:
        made = httpx.AsyncHTTPTransport(verify=True, proxy=proxy)
        bulk_reads.install(made)
        return made

    return httpx.AsyncClient(
        transport=bulk_transport(),
        mounts=proxy_mounts(bulk_transport),
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(30.0, connect=15.0),
        verify=True,
        event_hooks={"request": [_strip_credentials_hook], "response": [_refuse_downgrade_hook]},
    )


def validator_of(response: httpx.Response) -> str | None:
    """The version of the file a response carries, as If-Range can name it: a strong ETag,
    else Last-Modified (a weak ETag may not be used for ranges), else None."""
    etag = response.headers.get("ETag", "").strip()
    if etag and not etag.startswith("W/"):
        return etag
    return response.headers.get("Last-Modified", "").strip() or None


async def _open(
    client: httpx.AsyncClient, url: str, offset: int, validator: str | None = None
) -> httpx.Response:
    """GET url as a stream (from offset if > 0, and only if the file is still the version
    `validator` names), following redirects here rather than in the client so that the same
    rules hold for any client passed in."""
    headers = {"Accept-Encoding": "identity"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
        if validator:
            headers["If-Range"] = validator
    try:
        current = httpx.URL(url)  # inside: a malformed link is this item's failure, not a crash
        for _ in range(MAX_REDIRECTS + 1):
            request = client.build_request("GET", current, headers=headers)
            _strip_credentials(request)
            # httpx.Auth() is the no-op flow: neither the client's auth nor URL credentials.
            response = await uncancelled.send(client, request, follow_redirects=False,
                                              auth=httpx.Auth())
            if not response.has_redirect_location:
                return response
            target = current.join(response.headers["Location"])
            await uncancelled.close(response)
            if is_insecure_redirect(current, target):
                raise TransferError("insecure_redirect")
            current = target
    # ValueError: what URL parsing raises below httpx (an IDNA label, a port out of range).
    except (httpx.UnsupportedProtocol, httpx.InvalidURL, ValueError) as exc:
        raise TransferError("bad_link", f"{message('bad_link')} ({exc})") from exc
    except httpx.TransportError as exc:
        raise TransferError("network", f"{message('network')} ({exc})") from exc
    raise TransferError("http", "The download link redirected too many times.")


def _media_type(response: httpx.Response) -> str | None:
    value = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return value or None


def _int_header(response: httpx.Response, name: str) -> int | None:
    value = response.headers.get(name, "").strip()
    return int(value) if value.isdigit() else None


async def _open_in_time(
    client: httpx.AsyncClient, url: str, offset: int, validator: str | None = None
) -> httpx.Response:
    """_open, but the host's answer must arrive within HEADER_DEADLINE seconds."""
    try:
        async with asyncio.timeout(HEADER_DEADLINE):
            return await _open(client, url, offset, validator)
    except TimeoutError:
        raise TransferError("stalled", f"{message('stalled')} (no answer within "
                                       f"{HEADER_DEADLINE:g} s)") from None


def _range_matches(response: httpx.Response, start: int, expected: int | None) -> bool:
    """Whether a 206 is exactly the bytes from ``start`` (the offset asked for; 0 when no Range
    was sent) of a file of the announced size: a Content-Range that starts there, is well formed,
    agrees with Content-Length, and names the job's size as the total (when both are known)."""
    match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
    if match is None:
        return False
    first, last, total = int(match.group(1)), int(match.group(2)), match.group(3)
    length = _int_header(response, "Content-Length")
    return (first == start and last >= first
            and (total == "*" or last < int(total))
            and (length is None or length == last - first + 1)
            and (expected is None or total == "*" or int(total) == expected))


def _resume_matches(response: httpx.Response, offset: int, validator: str | None,
                    expected: int | None) -> bool:
    """A 206 that continues exactly where the part ends, of the same version of the file (a
    host that ignores If-Range, or never sent a validator and now does, gets no trust)."""
    return (response.status_code == 206 and _range_matches(response, offset, expected)
            and validator_of(response) == validator)


def _check_encoding(response: httpx.Response) -> None:
    """The file's own bytes, or nothing: a compressed body (the host ignored
    "Accept-Encoding: identity") is never written as the video, and not decoded either — its
    offsets would not be the file's, so it could never be resumed or checked against Range."""
    encodings = [e.strip().lower() for e in response.headers.get("Content-Encoding", "").split(",")]
    if any(e not in ("", "identity") for e in encodings):
        shown = response.headers.get("Content-Encoding", "").strip()
        raise TransferError("compressed", f"{message('compressed')} ({shown})", retryable=False,
                            status=response.status_code)


def _total_of(response: httpx.Response, start: int) -> int | None:
    if response.status_code == 206:
        match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
        if match and match.group(3) != "*":
            return int(match.group(3))
    length = _int_header(response, "Content-Length")
    return start + length if length is not None else None


def _already_complete(response: httpx.Response, offset: int, expected: int | None) -> bool:
    """A 416 to "bytes=<size of .part>-" means the .part already holds the whole file — if the
    part has the size the job announced, and the server's stated size (if any) agrees."""
    if expected is not None and offset != expected:
        return False
    match = _UNSATISFIED_RANGE.match(response.headers.get("Content-Range", ""))
    total = int(match.group(1)) if match else expected
    return total == offset


def _check_status(response: httpx.Response) -> None:
    status = response.status_code
    if status in (403, 404, 410):
        raise TransferError("link_expired", status=status)
    if status not in (200, 206):
        transient = status in (408, 429) or status >= 500
        text = f"{message('http')} (HTTP {status})"
        raise TransferError("http", text, retryable=transient, status=status)
    if _media_type(response) in _PAGE_TYPES:
        raise TransferError("not_media", status=status)


def _oversize(size: int, announced: int) -> TransferError:
    return TransferError("oversize", f"{message('oversize')} ({size:,} bytes instead of "
                                     f"{announced:,})", retryable=False)


async def download_to_part(
    client: httpx.AsyncClient,
    url: str,
    part_path: Path,
    *,
    expected_size: int | None = None,
    validator: str | None = None,
    part_id: FileId | None = None,
    on_created: Callable[[FileId], None] | None = None,
    on_validator: Callable[[str | None], None] | None = None,
    on_progress: Callable[[int, int | None], None] | None = None,
    chunk_size: int = 1 << 20,
) -> TransferResult:
    """Stream url into part_path, resuming what an earlier call left there.

    ``part_id`` is the part file an earlier call created (``on_created`` tells it, once the new
    part exists and before any byte goes into it); only that file is resumed, truncated or
    deleted. Without it the part is created exclusively: whatever sits at the name is not ours
    (TransferError("part_taken"): the caller picks another name).

    The caller vouches that the bytes in its part are this job's file as served under
    `validator` (parts.PartIdentity): a resume sends If-Range with it and starts over from zero
    unless the host answers with that same version. `on_validator(v)` learns the version of the
    bytes written from now on — after the part is (re)opened, before any byte of the response
    is written — so the caller can record it first.

    expected_size is the size the job announced, and then the only size that completes: a host
    that states or sends more is refused ("oversize": nothing past the announced size is
    written, and the part is deleted); one that ends early is "short" (retryable, the part kept
    for the next call to resume). Without it, the host's own size is checked instead. A 206
    must be exactly the range asked for, and a compressed body is refused ("compressed")."""
    await earlier_writer_done(part_path)  # a cancelled attempt may still be writing its tail
    offset = own_part_size(part_path, part_id)  # refuses what is not ours before a request
    own = part_id if is_own_part(part_path, part_id) else None  # None: create it anew
    response = await _open_in_time(client, url, offset, validator)
    try:
        if offset and response.status_code == 416:
            if _already_complete(response, offset, expected_size):
                if on_progress:
                    on_progress(offset, offset)
                return TransferResult(part_path, offset, None, None, validator)
        if offset and response.status_code in (206, 416) and not _resume_matches(
                response, offset, validator, expected_size):
            # Not the bytes we asked for, or another version of the file: start over.
            await uncancelled.close(response)
            offset = 0
            response = await _open_in_time(client, url, 0)
        _check_status(response)
        _check_encoding(response)
        start = offset if response.status_code == 206 else 0
        if response.status_code == 206 and not _range_matches(response, start, expected_size):
            # Bytes from somewhere else than asked for (a 206 to a plain GET, too): never written.
            shown = response.headers.get("Content-Range", "none")
            raise TransferError("http", f"The file server sent another part of the file than "
                                        f"was asked for (Content-Range: {shown}).",
                                retryable=True, status=206)
        total = _total_of(response, start)
        if expected_size is not None and total is not None and total > expected_size:
            remove_own_part(part_path, own)
            raise _oversize(total, expected_size)
        limit = expected_size if expected_size is not None else total
        file, made = open_part(part_path, start, own)
        try:
            if made != own and on_created:
                on_created(made)
            if limit is not None:
                check_free_space(part_path.parent, limit - start)
            if on_validator:
                on_validator(validator_of(response))
        except BaseException:
            file.close()
            if not start:
                remove_own_part(part_path, made)
            raise
        try:
            size, on_disk = await _stream(response, file, part_path, start, limit, on_progress,
                                          chunk_size)
        except TransferError as exc:
            if exc.kind == "oversize":
                remove_own_part(part_path, made)  # the host contradicts the job: trust none of it
            raise
    finally:
        await uncancelled.close(response)
    if not is_own_part(part_path, made):
        # Another file took the part's name while the bytes went into ours (through its open
        # file): that file is not this job's, so it is never handed on to be moved into place.
        raise TransferError("part_taken")
    if on_disk != size or (expected_size is None and total is not None and size != total):
        remove_own_part(part_path, made)  # its bytes cannot be trusted: start over next time
        shown = total if total is not None else size
        raise TransferError(
            "size_mismatch",
            f"{message('size_mismatch')} ({on_disk:,} bytes instead of {shown:,})",
            retryable=True,
        )
    if expected_size is not None and size < expected_size:
        raise TransferError(
            "short", f"{message('short')} ({size:,} of {expected_size:,} bytes)", retryable=True)
    cd_name = filename_from_content_disposition(response.headers.get("Content-Disposition"))
    return TransferResult(part_path, size, _media_type(response),
                          safe_filename(cd_name) if cd_name else None, validator_of(response))


async def _stream(
    response: httpx.Response,
    file: BinaryIO,
    part_path: Path,
    start: int,
    limit: int | None,
    on_progress: Callable[[int, int | None], None] | None,
    chunk_size: int,
) -> tuple[int, int]:
    """Append the body to the open .part, sync and close it; returns (bytes it should hold,
    bytes it holds on disk). Network chunks are gathered to chunk_size and handed to the
    PartWriter's thread. Whatever arrived is kept, also on a dropped connection, a stall or a
    cancel: the next call resumes it. Nothing past `limit` is written ("oversize"). A body that
    brings fewer than STALL_BYTES in a STALL_WINDOW is "stalled". Returns only once the writer
    has closed the file, so it can be moved (Windows refuses to move an open file)."""
    writer = PartWriter(file, part_path)
    done = start
    reported = -1
    last_report = float("-inf")
    pending: list[bytes] = []
    pending_size = 0
    on_disk = -1
    stall_window, stall_bytes = STALL_WINDOW, STALL_BYTES
    window_start = time.monotonic()
    window_bytes = 0
    try:
        try:
            # The raw stream, not aiter_raw(): that closes the response itself as the body ends,
            # where a pause's cancel could cut its close short (see uncancelled.close).
            body = response.stream
            assert isinstance(body, httpx.AsyncByteStream)
            async for data in body:
                pending.append(data)
                pending_size += len(data)
                if limit is not None and done + pending_size > limit:
                    over = done + pending_size - limit  # keep the announced bytes, then stop
                    pending[-1] = data[: len(data) - over]
                    pending_size -= over
                    raise _oversize(done + pending_size + over, limit)
                window_bytes += len(data)
                now = time.monotonic()
                if now - window_start >= stall_window:
                    if window_bytes < stall_bytes:
                        raise TransferError("stalled", f"{message('stalled')} ({window_bytes:,} "
                                                       f"bytes in {now - window_start:.0f} s)")
                    window_start, window_bytes = now, 0
                if pending_size < chunk_size:
                    continue
                # Handed over before the wait for the disk: a cancel during that wait must not
                # hand the same bytes over again below (the part would hold them twice).
                handed, pending = pending, []
                size, pending_size = pending_size, 0
                await writer.write(handed)
                done += size  # counted once written or queued: a refused write counts none
                if on_progress and now - last_report >= PROGRESS_INTERVAL:
                    last_report, reported = now, done
                    on_progress(done, limit)
        except httpx.TransportError as exc:
            raise TransferError("network", f"{message('network')} ({exc})") from exc
        finally:
            if pending:
                handed, pending = pending, []
                await writer.write(handed)
                done += pending_size
            await writer.flush()
        on_disk = await sync_and_size(file.fileno())
    except OSError as exc:
        raise os_error(exc) from exc
    finally:
        writer.close()
        if on_progress and done != reported:
            on_progress(done, limit)
        await writer.closed()
    return done, on_disk


class SpeedMeter:
    """Transfer speed over the last ~3 s. Feed it add(bytes since last call, now); add(0, now)
    while stalled lets the speed fall to zero."""

    def __init__(self, window: float = 3.0) -> None:
        self._window = window
        self._samples: deque[tuple[float, int]] = deque()
        self._bytes_after_first = 0
        self._speed = 0.0

    def add(self, nbytes: int, now: float) -> None:
        if self._samples:
            self._bytes_after_first += nbytes
        self._samples.append((now, nbytes))
        # Keep one sample at or before the window's start as the reference point.
        while len(self._samples) > 2 and now - self._samples[1][0] >= self._window:
            self._samples.popleft()
            self._bytes_after_first -= self._samples[0][1]
        span = now - self._samples[0][0]
        if span > 0:
            self._speed = self._bytes_after_first / span

    @property
    def speed(self) -> float:
        return self._speed

    def eta(self, remaining: int | None) -> float | None:
        """Seconds left at the current speed; None when unknown."""
        if remaining is None or self._speed <= 0:
            return None
        return max(remaining, 0) / self._speed
