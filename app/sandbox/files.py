"""The file origin (the service's "CDN"): GET/HEAD /files/{token}/{filename}.

Links expire; bytes are deterministic per job; Range, If-Range and If-None-Match work for any
offset. Bodies are written in ~1 MiB zero-copy slices so loopback throughput is limited by the
socket, not by Python. Admin file faults cut responses short or throttle them.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from . import clock
from .content import CONTENT_TYPES, PERIOD, Content, content_of
from .faults import drop_connection, lingering
from .requestlog import set_status
from .state import STATE, FileFaults

LINK_EXPIRED = {"detail": "Link expired"}
NOT_FOUND = {"detail": "Not Found"}


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


async def _send_body(
    request: web.Request,
    response: web.StreamResponse,
    content: Content,
    span: tuple[int, int],
    drop_after: int | None,
    faults: FileFaults,
) -> None:
    start, end = span
    stop = end if drop_after is None else min(end, start + drop_after)
    await response.write(b"")  # sends the headers even if no body byte follows
    position = start
    while position < stop:
        rate = faults.bytes_per_second  # one int read: safe without the lock
        piece = content.view(position, min(stop - position, _throttled_chunk(rate)))
        await response.write(piece)
        position += len(piece)
        if rate:
            await asyncio.sleep(len(piece) / rate)
    if stop < end:
        drop_connection(request)  # closing flushes what was written, then the socket closes


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
        "Content-Disposition": f'attachment; filename="{job.filename}"',
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

    response = web.StreamResponse(status=200 if span is None else 206, headers=headers)
    start, end = span or (0, job.size)
    response.content_length = end - start
    if span is not None:
        response.headers["Content-Range"] = f"bytes {start}-{end - 1}/{job.size}"
    await response.prepare(request)
    set_status(state, request, response.status)
    if request.method == "HEAD":
        return response
    with state.lock:
        drop_after = state.file_faults.take_drop()
    try:
        with lingering(request):
            await _send_body(request, response, content, (start, end), drop_after, state.file_faults)
    except ConnectionError:
        pass  # the client went away (or paused its download): nothing left to answer
    return response


def add_routes(app: web.Application) -> None:
    app.router.add_get("/files/{token}/{filename}", serve_file)  # HEAD comes with GET
