"""Streaming a finished video from the file host into a .part file, resumably, then moving it
into place. httpx only, no Qt.

The file host is not the API: it never gets the API key (every request here is stripped of
Authorization, whatever client is passed in), and a redirect from https to http is refused
rather than followed, since the bytes would arrive unauthenticated.
"""

from __future__ import annotations

import asyncio
import errno
import os
import re
import shutil
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import httpx

from app import __version__
from app.engine import bulk_reads
from app.engine.filenames import filename_from_content_disposition, safe_filename, unique_path
from app.engine.part_writer import PartWriter, earlier_writer_done

MAX_REDIRECTS = 10
USER_AGENT = f"VideoConduit-Desktop/{__version__}"
PROGRESS_INTERVAL = 0.1  # seconds: at most ~10 progress calls a second
# Pages, not media: a login wall, a CDN error page served with 200, an API error body.
_PAGE_TYPES = frozenset({"text/html", "text/plain", "application/xhtml+xml", "application/json"})
_CONTENT_RANGE = re.compile(r"\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$", re.IGNORECASE)
_UNSATISFIED_RANGE = re.compile(r"\s*bytes\s+\*/(\d+)\s*$", re.IGNORECASE)

_MESSAGES = {
    "link_expired": "The download link has expired or is no longer valid.",
    "disk_full": "There is not enough free space on the disk for this video.",
    "not_writable": "The download folder cannot be written to. Choose another folder or check "
    "its permissions.",
    "not_media": "The file server sent a web page instead of the video.",
    "size_mismatch": "The video arrived with a different size than announced.",
    "network": "The connection to the file server was interrupted.",
    "insecure_redirect": "The download link redirected to an insecure (http) address, so the "
    "download was stopped.",
    "http": "The file server answered with an error.",
}


class TransferError(Exception):
    """Why a transfer stopped: `kind` for the program, `message` for a person, `retryable` when
    trying again later may well succeed (the .part keeps what arrived)."""

    def __init__(
        self,
        kind: str,
        message: str | None = None,
        *,
        retryable: bool | None = None,
        status: int | None = None,
    ) -> None:
        self.kind = kind
        self.message = message or _MESSAGES.get(kind, _MESSAGES["http"])
        self.retryable = kind == "network" if retryable is None else retryable
        self.status = status
        super().__init__(self.message)


@dataclass(frozen=True)
class TransferResult:
    path: Path
    size: int
    content_type: str | None
    suggested_name: str | None


def os_error(exc: OSError) -> TransferError:
    """A file-system failure as the person would describe it."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return TransferError("disk_full")
    detail = exc.strerror or str(exc)
    return TransferError("not_writable", f"{_MESSAGES['not_writable']} ({detail})")


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
    (bulk_reads: the default 64 KiB pieces cost more CPU than the bytes themselves)."""
    transport = httpx.AsyncHTTPTransport(verify=True)
    bulk_reads.install(transport)
    return httpx.AsyncClient(
        transport=transport,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(30.0, connect=15.0),
        verify=True,
        event_hooks={"request": [_strip_credentials_hook], "response": [_refuse_downgrade_hook]},
    )


async def _open(client: httpx.AsyncClient, url: str, offset: int) -> httpx.Response:
    """GET url as a stream (from offset if > 0), following redirects here rather than in the
    client so that the same rules hold for any client passed in."""
    headers = {"Accept-Encoding": "identity"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    current = httpx.URL(url)
    try:
        for _ in range(MAX_REDIRECTS + 1):
            request = client.build_request("GET", current, headers=headers)
            _strip_credentials(request)
            # httpx.Auth() is the no-op flow: neither the client's auth nor URL credentials.
            response = await client.send(
                request, stream=True, follow_redirects=False, auth=httpx.Auth()
            )
            if not response.has_redirect_location:
                return response
            target = current.join(response.headers["Location"])
            await response.aclose()
            if is_insecure_redirect(current, target):
                raise TransferError("insecure_redirect")
            current = target
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise TransferError("http", f"The download link cannot be opened ({exc}).") from exc
    except httpx.TransportError as exc:
        raise TransferError("network", f"{_MESSAGES['network']} ({exc})") from exc
    raise TransferError("http", "The download link redirected too many times.")


def _media_type(response: httpx.Response) -> str | None:
    value = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return value or None


def _int_header(response: httpx.Response, name: str) -> int | None:
    value = response.headers.get(name, "").strip()
    return int(value) if value.isdigit() else None


def _resume_matches(response: httpx.Response, offset: int) -> bool:
    match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
    return match is not None and int(match.group(1)) == offset


def _total_of(response: httpx.Response, start: int) -> int | None:
    if response.status_code == 206:
        match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
        if match and match.group(3) != "*":
            return int(match.group(3))
    length = _int_header(response, "Content-Length")
    return start + length if length is not None else None


def _already_complete(response: httpx.Response, offset: int, expected: int | None) -> bool:
    """A 416 to "bytes=<size of .part>-" means the .part already holds the whole file — if the
    server's stated size (or, lacking it, the expected one) agrees."""
    match = _UNSATISFIED_RANGE.match(response.headers.get("Content-Range", ""))
    total = int(match.group(1)) if match else expected
    return total == offset


def _check_status(response: httpx.Response) -> None:
    status = response.status_code
    if status in (403, 404, 410):
        raise TransferError("link_expired", status=status)
    if status not in (200, 206):
        transient = status in (408, 429) or status >= 500
        message = f"{_MESSAGES['http']} (HTTP {status})"
        raise TransferError("http", message, retryable=transient, status=status)
    if _media_type(response) in _PAGE_TYPES:
        raise TransferError("not_media", status=status)


def _check_free_space(folder: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        raise os_error(exc) from exc
    if needed > free:
        raise TransferError(
            "disk_full",
            f"{_MESSAGES['disk_full']} It needs {needed:,} more bytes; {free:,} are free.",
        )


def _part_size(part_path: Path) -> int:
    try:
        return part_path.stat().st_size
    except FileNotFoundError:
        return 0
    except OSError as exc:
        raise os_error(exc) from exc


async def download_to_part(
    client: httpx.AsyncClient,
    url: str,
    part_path: Path,
    *,
    expected_size: int | None = None,
    on_progress: Callable[[int, int | None], None] | None = None,
    chunk_size: int = 1 << 20,
) -> TransferResult:
    """Stream url into part_path, resuming what an earlier call left there. The server's own
    size (Content-Range / Content-Length) wins over expected_size, used only when it has none."""
    await earlier_writer_done(part_path)  # a cancelled attempt may still be writing its tail
    offset = _part_size(part_path)
    response = await _open(client, url, offset)
    try:
        if offset and response.status_code == 416:
            if _already_complete(response, offset, expected_size):
                if on_progress:
                    on_progress(offset, offset)
                return TransferResult(part_path, offset, None, None)
        if offset and response.status_code in (206, 416) and not _resume_matches(response, offset):
            # Not the bytes we asked for: start over with a plain request.
            await response.aclose()
            offset = 0
            response = await _open(client, url, 0)
        _check_status(response)
        start = offset if response.status_code == 206 else 0
        total = _total_of(response, start)
        if total is None:
            total = expected_size
        file = _open_part(part_path, start)
        if total is not None:
            try:
                _check_free_space(part_path.parent, total - start)
            except TransferError:
                file.close()
                if not start:
                    part_path.unlink(missing_ok=True)
                raise
        size = await _stream(response, file, part_path, start, total, on_progress, chunk_size)
    finally:
        await response.aclose()
    if total is not None and size != total:
        part_path.unlink(missing_ok=True)  # its bytes cannot be trusted: start over next time
        raise TransferError(
            "size_mismatch",
            f"{_MESSAGES['size_mismatch']} ({size:,} bytes instead of {total:,})",
            retryable=True,
        )
    cd_name = filename_from_content_disposition(response.headers.get("Content-Disposition"))
    return TransferResult(
        part_path, size, _media_type(response), safe_filename(cd_name) if cd_name else None
    )


def _open_part(part_path: Path, start: int) -> BinaryIO:
    """The .part opened for appending at start, truncated first when start is 0. Opening it
    before anything is written tells a read-only or missing folder apart from a full disk."""
    try:
        return open(part_path, "ab" if start else "wb", buffering=0)  # noqa: SIM115
    except OSError as exc:
        raise os_error(exc) from exc


async def _stream(
    response: httpx.Response,
    file: BinaryIO,
    part_path: Path,
    start: int,
    total: int | None,
    on_progress: Callable[[int, int | None], None] | None,
    chunk_size: int,
) -> int:
    """Append the body to the open .part, close it, and return its size. Network chunks are
    gathered to chunk_size and handed to the PartWriter's thread. Whatever arrived is kept, also
    on a dropped connection or a cancel: the next call resumes it."""
    writer = PartWriter(file, part_path)
    done = start
    reported = -1
    last_report = float("-inf")
    pending: list[bytes] = []
    pending_size = 0
    try:
        try:
            async for data in response.aiter_raw():
                pending.append(data)
                pending_size += len(data)
                if pending_size < chunk_size:
                    continue
                await writer.write(pending)
                done += pending_size
                pending, pending_size = [], 0
                now = time.monotonic()
                if on_progress and now - last_report >= PROGRESS_INTERVAL:
                    last_report, reported = now, done
                    on_progress(done, total)
        except httpx.TransportError as exc:
            raise TransferError("network", f"{_MESSAGES['network']} ({exc})") from exc
        finally:
            if pending:
                await writer.write(pending)
                done += pending_size
            await writer.flush()
        await asyncio.to_thread(os.fsync, file.fileno())
    except OSError as exc:
        raise os_error(exc) from exc
    finally:
        writer.close()
        if on_progress and done != reported:
            on_progress(done, total)
    return done


def _place(part_path: Path, target: Path) -> bool:
    """Give part_path the name target unless that name exists; False if it does. A hard link
    then unlink is atomic and cannot overwrite (os.replace can, if the name appears between a
    check and the rename); file systems without hard links get a checked rename."""
    try:
        os.link(part_path, target)
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV,
                             errno.ENOSYS):
            raise
        if target.exists() or target.is_symlink():
            return False
        shutil.move(part_path, target)  # os.replace, or copy + delete across devices
        return True
    part_path.unlink()
    return True


def finalize_part(part_path: Path, directory: Path, preferred_name: str) -> Path:
    """Move the finished .part into directory under a safe, unused name; never overwrites."""
    name = safe_filename(preferred_name)
    try:
        while True:
            target = unique_path(directory, name)
            if _place(part_path, target):
                return target
    except OSError as exc:
        raise os_error(exc) from exc


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
