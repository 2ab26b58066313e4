"""Queued response faults: answers given instead of the real one, to rehearse a client's error
handling (proxy HTML pages, truncated JSON, dropped connections, replies lost after the server
acted). Applied to both origins; the admin endpoints are never faulted.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    from .state import SandboxState

ADMIN_PREFIX = "/_sandbox/"
DROPPED = web.RequestKey("sandbox_dropped", bool)

Fault = dict[str, Any]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_KEYS = {"status", "headers", "json", "body", "delay", "drop", "after_processing"}
_ANSWER_KEYS = {"status", "headers", "json", "body"}


def check_fault(fault: object) -> Fault:
    """The fault itself, or ValueError saying what is wrong with it."""
    if not isinstance(fault, dict):
        raise ValueError("each response must be an object")
    unknown = set(fault) - _KEYS
    if unknown:
        raise ValueError(f"unknown fault fields: {', '.join(sorted(unknown))}")
    status = fault.get("status", 500)
    if not isinstance(status, int) or not 100 <= status <= 599:
        raise ValueError("status must be an HTTP status code")
    if not isinstance(fault.get("headers", {}), dict):
        raise ValueError("headers must be an object")
    if not isinstance(fault.get("body", ""), str):
        raise ValueError("body must be a string")
    delay = fault.get("delay", 0)
    if not isinstance(delay, int | float) or delay < 0:
        raise ValueError("delay must be a non-negative number of seconds")
    return dict(fault)


@dataclass
class _Rule:
    path: str
    method: str | None
    responses: deque[Fault] = field(default_factory=deque)


class FaultQueue:
    """Nothing here locks: the caller holds ``SandboxState.lock`` around every use."""

    def __init__(self) -> None:
        self._rules: list[_Rule] = []

    def add(self, path: str, responses: list[object], method: str | None = None) -> None:
        if not isinstance(path, str) or not path.startswith("/"):
            raise ValueError("path must start with '/'")
        checked = deque(check_fault(response) for response in responses)
        self._rules.append(_Rule(path, method.upper() if method else None, checked))

    def take(self, path: str, method: str) -> Fault | None:
        """The next queued fault for this request, removing it from the queue."""
        for rule in self._rules:
            if path.startswith(rule.path) and rule.method in (None, method):
                fault = rule.responses.popleft()
                if not rule.responses:
                    self._rules.remove(rule)
                return fault
        return None

    def pending(self) -> int:
        return sum(len(rule.responses) for rule in self._rules)


def drop_connection(request: web.Request) -> web.StreamResponse:
    """Close the connection without answering. The returned response is never sent (aiohttp
    finds the transport closed and skips it quietly)."""
    request[DROPPED] = True
    if request.transport is not None:
        request.transport.close()
    return web.Response(status=499)


def fault_response(fault: Fault) -> web.Response:
    headers = {str(name): str(value) for name, value in fault.get("headers", {}).items()}
    if "json" in fault:
        body, content_type = json.dumps(fault["json"]).encode(), "application/json"
    else:
        text = fault.get("body", "")
        body, content_type = text.encode(), _guess_type(text)
    if body and not any(name.lower() == "content-type" for name in headers):
        headers["Content-Type"] = content_type
    return web.Response(status=fault.get("status", 500), body=body, headers=headers)


def _guess_type(text: str) -> str:
    start = text.lstrip()[:1]
    if start == "<":
        return "text/html; charset=utf-8"
    return "application/json" if start in ("{", "[") else "text/plain; charset=utf-8"


async def apply_fault(request: web.Request, handler: Handler, fault: Fault) -> web.StreamResponse:
    real: web.StreamResponse | None = None
    if fault.get("after_processing"):
        try:
            real = await handler(request)
        except web.HTTPException as exc:
            real = exc
        if real.prepared:  # already streamed (a file): too late to answer anything else
            return real
    await asyncio.sleep(fault.get("delay", 0))
    if fault.get("drop"):
        return drop_connection(request)
    if _ANSWER_KEYS & fault.keys():
        return fault_response(fault)
    # Only a delay: then the real answer.
    if real is None:
        return await handler(request)
    if isinstance(real, web.HTTPException):
        raise real
    return real


def fault_middleware(state: SandboxState) -> Any:
    @web.middleware
    async def faults(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith(ADMIN_PREFIX):
            return await handler(request)
        with state.lock:
            fault = state.faults.take(request.path, request.method)
        if fault is None:
            return await handler(request)
        return await apply_fault(request, handler, fault)

    return faults
