"""The request log of both origins: what each request carried (all headers, verbatim) and how
it was answered. Tests read it to prove, e.g., that the API key never reaches the file origin."""

from __future__ import annotations

import copy
import json
import time
from collections import deque
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .faults import ADMIN_PREFIX, DROPPED, Handler

if TYPE_CHECKING:
    from .state import SandboxState

ORIGINS = ("api", "files")
MAX_ENTRIES = 10_000  # per origin; a long demo session must not grow without bound
ENTRY = web.RequestKey("sandbox_log_entry", dict)


class RequestLog:
    """Nothing here locks: the caller holds ``SandboxState.lock`` around every use."""

    def __init__(self) -> None:
        self._entries = {origin: deque[dict[str, Any]](maxlen=MAX_ENTRIES) for origin in ORIGINS}

    def add(self, origin: str, entry: dict[str, Any]) -> None:
        self._entries[origin].append(entry)

    def entries(self, origin: str) -> list[dict[str, Any]]:
        if origin not in ORIGINS:
            raise ValueError(f"origin must be one of {', '.join(ORIGINS)}")
        return copy.deepcopy(list(self._entries[origin]))

    def clear(self) -> None:
        for entries in self._entries.values():
            entries.clear()


def _headers(request: web.Request) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in request.headers.items():
        key = name.lower()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return headers


async def _json_body(request: web.Request) -> Any:
    if not request.can_read_body:
        return None
    try:
        return json.loads(await request.read())  # read() caches: the handler can read it again
    except ValueError:
        return None


def set_status(state: SandboxState, request: web.Request, status: int | None) -> None:
    """Record the status as soon as it is known (a long download is logged while it runs)."""
    entry = request.get(ENTRY)
    if entry is not None:
        with state.lock:
            entry["status"] = status


def log_middleware(state: SandboxState, origin: str) -> Any:
    @web.middleware
    async def log(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith(ADMIN_PREFIX):
            return await handler(request)
        entry = {
            "time": time.time(),
            "method": request.method,
            "path": request.path,
            "query": request.query_string,
            "status": None,
            "headers": _headers(request),
            "json": await _json_body(request) if origin == "api" else None,
        }
        request[ENTRY] = entry
        with state.lock:
            state.log.add(origin, entry)
        status: int | None = 500
        try:
            response = await handler(request)
            status = None if request.get(DROPPED) else response.status
            return response
        except web.HTTPException as exc:
            status = exc.status
            raise
        finally:
            set_status(state, request, status)

    return log
