"""Sending a request and closing its response so that a cancel never costs a pooled connection.

httpcore 1.0.9 keeps its pool's books across awaits (the checkpoints of its locks). A cancel
that lands at one of them — a deadline, a pause, a quit — leaves a connection checked out of
the pool for good: never reused, never closed (encode/httpcore#1093 and its kin). After
max_connections of them every request waits for a connection in vain. Two places, two cures:

* **send**: a cancel while a connection is being made or handed over left it "NEW, Request
  Count: 0" (or still "CONNECTING") and owned by no request. The cancel still stops the
  request — a POST that has not left must not leave later, it may cost credits — and then such
  orphans are closed and dropped from the pool (what httpcore's own pending fix does).
* **close**: a cancel inside a response's close left the response holding its connection. The
  close runs in a task of its own to its end; the caller's cancel is raised once it is done.

The orphan sweep reads httpcore's pool internals (its connections and its requests); the
versions are pinned, and the tests that use tests/integration/chosen_cancels.py fail if it
stops working.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx

__all__ = ["close", "send"]

log = logging.getLogger("app.api")
_closing: set[asyncio.Future[Any]] = set()  # orphans being closed: kept until done


async def send(client: httpx.AsyncClient, request: httpx.Request, **options: Any) -> httpx.Response:
    """client.send(request, stream=True, **options); a cancel leaves the pool whole."""
    try:
        return await client.send(request, stream=True, **options)
    except asyncio.CancelledError:
        _drop_orphans(client, request.url)
        raise


def _drop_orphans(client: httpx.AsyncClient, url: httpx.URL) -> None:
    """Close the connections of url's pool that are neither idle, nor closed, nor serving a
    request: nobody will ever use or release them."""
    pool = getattr(client._transport_for_url(url), "_pool", None)
    connections, requests = getattr(pool, "_connections", None), getattr(pool, "_requests", None)
    if not isinstance(connections, list) or not isinstance(requests, list):
        return
    serving = {id(waiting.connection) for waiting in requests}
    orphans = [c for c in connections
               if id(c) not in serving and not c.is_idle() and not c.is_closed()]
    if not orphans:
        return
    log.debug("a cancel left %d connection(s) taken; closing them", len(orphans))
    with pool._optional_thread_lock:  # type: ignore[union-attr]
        for orphan in orphans:
            connections.remove(orphan)
        # A request queued for a slot gets the freed one (as on any release inside httpcore).
        orphans.extend(pool._assign_requests_to_connections())  # type: ignore[union-attr]
    for orphan in orphans:
        closing = asyncio.ensure_future(orphan.aclose())
        _closing.add(closing)
        closing.add_done_callback(_forget)


def _forget(closing: asyncio.Future[Any]) -> None:
    _closing.discard(closing)
    if not closing.cancelled():
        closing.exception()  # retrieved: a failed close of a dropped connection is not logged


async def close(response: httpx.Response) -> None:
    """response.aclose(), to its end even if the caller is cancelled meanwhile; that cancel is
    raised once the close is done."""
    closing = asyncio.ensure_future(response.aclose())
    cancelled = False
    while not closing.done():
        try:
            await asyncio.shield(closing)
        except asyncio.CancelledError:
            if closing.cancelled():
                break
            cancelled = True
    if cancelled:
        raise asyncio.CancelledError
    closing.result()
