"""Queued response faults: answers given instead of the real one, to rehearse a client's error
handling (proxy HTML pages, truncated JSON, dropped connections, replies lost after the server
acted, replies trickling in). Applied to both origins; the admin endpoints are never faulted.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .dates import OWN_DATE, mark_own_date

if TYPE_CHECKING:
    from .state import SandboxState

ADMIN_PREFIX = "/_sandbox/"
DROPPED = web.RequestKey("sandbox_dropped", bool)
# Handlers that may run for long (downloads, long delays, drips), so that stopping the server
# cancels them at once instead of waiting for aiohttp's shutdown timeout (twice: once for the
# handler, once after cancelling its request).
LINGERING: web.AppKey[set[asyncio.Task[Any]]] = web.AppKey("sandbox_lingering")

Fault = dict[str, Any]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_KEYS = {"status", "headers", "json", "body", "delay", "drop", "after_processing", "drip"}
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
    for name in ("delay", "drip"):
        seconds = fault.get(name, 0)
        if not isinstance(seconds, int | float) or isinstance(seconds, bool) or seconds < 0:
            raise ValueError(f"{name} must be a non-negative number of seconds")
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


def track_lingering(app: web.Application) -> None:
    app[LINGERING] = set()

    async def cancel_lingering(app: web.Application) -> None:
        tasks = [*app[LINGERING]]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    app.on_shutdown.append(cancel_lingering)


@contextlib.contextmanager
def lingering(request: web.Request) -> Iterator[None]:
    """Mark the current handler as one that stopping the server cancels."""
    tasks, this_task = request.app[LINGERING], asyncio.current_task()
    assert this_task is not None  # a handler always runs in a task
    tasks.add(this_task)
    try:
        yield
    finally:
        tasks.discard(this_task)


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
    response = web.Response(status=fault.get("status", 500), body=body, headers=headers)
    mark_own_date(response, headers)
    return response


def _guess_type(text: str) -> str:
    start = text.lstrip()[:1]
    if start == "<":
        return "text/html; charset=utf-8"
    return "application/json" if start in ("{", "[") else "text/plain; charset=utf-8"


async def drip(request: web.Request, answer: web.Response, seconds: float) -> web.StreamResponse:
    """Send ``answer``'s status and headers (with the full Content-Length) at once, then its
    body one byte every ``seconds``: a reply that arrives, but too slowly to wait for."""
    body = answer.body
    if not isinstance(body, bytes):  # every sandbox answer has a bytes body; be safe anyway
        return answer
    stream = web.StreamResponse(status=answer.status, reason=answer.reason, headers=answer.headers)
    if "Content-Length" not in stream.headers:  # a fault's own (lying) length stays
        stream.content_length = len(body)
    if answer.get(OWN_DATE):
        stream[OWN_DATE] = True
    await stream.prepare(request)
    await stream.write(b"")  # the headers go out now, before any body byte
    try:
        for index in range(len(body)):
            await asyncio.sleep(seconds)
            await stream.write(body[index : index + 1])
        await stream.write_eof()
    except ConnectionError:
        pass  # the client gave up waiting: nothing left to answer
    return stream


async def apply_fault(request: web.Request, handler: Handler, fault: Fault) -> web.StreamResponse:
    real: web.StreamResponse | None = None
    if fault.get("after_processing"):
        try:
            real = await handler(request)
        except web.HTTPException as exc:
            real = exc
        if real.prepared:  # already streamed (a file): too late to answer anything else
            return real
    with lingering(request):
        await asyncio.sleep(fault.get("delay", 0))
    if fault.get("drop"):
        return drop_connection(request)
    answer: web.StreamResponse
    if _ANSWER_KEYS & fault.keys():
        answer = fault_response(fault)
    elif real is None:  # only a delay and/or a drip: the real answer
        answer = await handler(request)
    else:
        answer = real
    if isinstance(answer, web.HTTPException):
        raise answer
    if fault.get("drip") and isinstance(answer, web.Response) and not answer.prepared:
        with lingering(request):
            return await drip(request, answer, fault["drip"])
    return answer


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
