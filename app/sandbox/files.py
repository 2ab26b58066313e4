"""The file origin (the service's "CDN"): GET/HEAD /files/{token}/{filename}.

Links expire; bytes are deterministic per job; Range, If-Range and If-None-Match work for any
offset. Bodies are written in ~1 MiB zero-copy slices so loopback throughput is limited by the
socket, not by Python. Admin file faults cut responses short or throttle them; file replies make
one response lie (short or long bodies, other headers, a drip).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from urllib.parse import quote

from aiohttp import web

from . import clock
from .content import CONTENT_TYPES, PERIOD, content_of
from .dates import mark_own_date
from .faults import drop_connection, lingering
from .requestlog import set_status
from .state import STATE, FileFaults, FileReply

LINK_EXPIRED = {"detail": "Link expired"}
NOT_FOUND = {"detail": "Not Found"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def content_disposition(name: str) -> str:
    """``attachment; filename="NAME"`` with NAME exactly (quoted-string escapes), plus an RFC 8187
    ``filename*`` holding NAME exactly when it is not printable ASCII. A header cannot carry a
    control character raw, so the plain ``filename`` shows '_' for each one."""
    plain = _CONTROL.sub("_", name.replace("\\", "\\\\").replace('"', '\\"'))
    header = f'attachment; filename="{plain}"'
    if not (name.isascii() and name.isprintable()):
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return header


class RangeNotSatisfiable(Exception):
    pass


def requested_span(header: str | None, size: int) -> tuple[int, int] | None:
    """The [start, end) a single-range ``Range`` header asks for, or None to send everything
    (no header, another unit, several ranges, or a malformed one — all allowed by RFC 9110)."""
    if not header:
        return None
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    first, dash, last = spec.strip().partition("-")
    if not dash or not (first.isdigit() or last.isdigit()):
        return None
    if not first:  # suffix: the last N bytes
        if int(last) == 0 or size == 0:
            raise RangeNotSatisfiable
        return max(0, size - int(last)), size
    start = int(first)
    if last and (not last.isdigit() or int(last) < start):
        return None
    if start >= size:
        raise RangeNotSatisfiable
    end = min(size, int(last) + 1) if last else size
    return start, end


def _throttled_chunk(bytes_per_second: int) -> int:
    # Pieces of ~0.1 s each, so a throttle change takes effect quickly.
    return max(1, min(PERIOD, bytes_per_second // 10)) if bytes_per_second else PERIOD


Source = Callable[[int, int], memoryview]  # (body offset, max length) -> the next bytes


async def _send_body(
    response: web.StreamResponse,
    read: Source,
    length: int,
    drop_after: int | None,
    faults: FileFaults,
    drip: float,
) -> int:
    """Write ``length`` body bytes (fewer if a drop is due); returns how many were written."""
    stop = length if drop_after is None else min(length, drop_after)
    await response.write(b"")  # sends the headers even if no body byte follows
    sent = 0
    while sent < stop:
        rate = faults.bytes_per_second  # one int read: safe without the lock
        if drip:
            await asyncio.sleep(drip)
            piece = read(sent, 1)
        else:
            piece = read(sent, min(stop - sent, _throttled_chunk(rate)))
        await response.write(piece)
        sent += len(piece)
        if rate and not drip:
            await asyncio.sleep(len(piece) / rate)
    return sent


def _apply_headers(response: web.StreamResponse, headers: dict[str, str | None]) -> None:
    for name, value in headers.items():
        if value is None:
            response.headers.popall(name, None)
        else:
            response.headers[name] = value
    mark_own_date(response, headers)


async def serve_file(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    with state.lock:
        job_id, refusal_status = state.links.resolve(request.match_info["token"], clock.now())
        job = state.jobs.get(job_id) if job_id else None
    if job is None:
        return web.json_response(LINK_EXPIRED, status=refusal_status)
    if request.match_info["filename"] != job.filename:
        return web.json_response(NOT_FOUND, status=404)
    content = content_of(job.job_id, job.size, job.container)
    headers = {
        "Content-Type": CONTENT_TYPES[job.container],
        "ETag": content.etag,
        "Accept-Ranges": "bytes",
        "Content-Disposition": content_disposition(job.filename),
        "Cache-Control": "private, no-transform",
    }
    if request.headers.get("If-None-Match") in (content.etag, "*"):
        return web.Response(status=304, headers={"ETag": content.etag})
    if_range = request.headers.get("If-Range")
    range_header = request.headers.get("Range") if if_range in (None, content.etag) else None
    try:
        span = requested_span(range_header, job.size)
    except RangeNotSatisfiable:
        unsatisfiable = {"Content-Range": f"bytes */{job.size}", "Accept-Ranges": "bytes"}
        body = {"detail": "Range Not Satisfiable"}
        return web.json_response(body, status=416, headers=unsatisfiable)

    with state.lock:  # only a response that would send a body takes a queued reply
        reply = state.file_faults.take_reply() if request.method == "GET" else None
    reply = reply or FileReply()
    response = web.StreamResponse(status=200 if span is None else 206, headers=headers)
    start, end = span or (0, job.size)
    if span is not None:
        response.headers["Content-Range"] = f"bytes {start}-{end - 1}/{job.size}"
    real_end = end if reply.truncate_to is None else min(end, start + reply.truncate_to)
    length = real_end - start + reply.extra_bytes
    response.content_length = length
    _apply_headers(response, reply.headers)

    def read(offset: int, max_length: int) -> memoryview:
        position = start + offset
        if position < real_end:
            return content.view(position, min(max_length, real_end - position))
        return content.beyond(position, max_length)  # extra_bytes: the pattern goes on

    await response.prepare(request)
    set_status(state, request, response.status)
    if request.method == "HEAD":
        return response
    with state.lock:
        drop_after = state.file_faults.take_drop()
    declared = response.content_length  # a reply's own Content-Length may lie
    try:
        with lingering(request):
            sent = await _send_body(
                response, read, length, drop_after, state.file_faults, reply.drip
            )
        if sent < length or (declared is not None and declared > sent):
            # Cut short, or promised more than it sent: close, as a real server would, so the
            # client sees a truncated body instead of waiting for bytes that never come.
            drop_connection(request)  # closing flushes what was written, then the socket closes
    except ConnectionError:
        pass  # the client went away (or paused its download): nothing left to answer
    return response


def add_routes(app: web.Application) -> None:
    app.router.add_get("/files/{token}/{filename}", serve_file)  # HEAD comes with GET
